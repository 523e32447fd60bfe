// Public surface of @dlkit/audio. Speech features, trigger-word detection, speech-to-text.
// Each name is exported here explicitly, as in core, vision and sequence.
export {};
