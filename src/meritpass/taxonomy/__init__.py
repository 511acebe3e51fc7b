"""Skills and levels: the ESCO classification in Swedish and English, EQF, SeQF and vocabularies."""
