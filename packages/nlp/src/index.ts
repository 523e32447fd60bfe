// Public surface of @dlkit/nlp: word embeddings, transformers for NER and QA, chatbots.
// Nothing is exported yet; each name will be added here explicitly, as in core, vision and sequence.
export {};
