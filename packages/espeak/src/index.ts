// Public surface of @dlkit/espeak: eSpeak NG compiled to WebAssembly (GPL-3.0, kept out of @dlkit/audio).
// Each name is exported here explicitly, as in core, vision and sequence.
export {};
