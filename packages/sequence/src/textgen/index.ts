// Public surface of this part; filled by its owner.
export {};
