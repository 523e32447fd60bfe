// Public surface of @dlkit/audio: speech features, trigger-word detection, speech-to-text.
// Nothing is exported yet; each name will be added here explicitly, as in core, vision and sequence.
export {};
