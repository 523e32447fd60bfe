// Public surface of @dlkit/nlp. Word embeddings, transformers for NER and QA, chatbots.
// Each name is exported here explicitly, as in core, vision and sequence.
export {};
