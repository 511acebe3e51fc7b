"""Qualification levels (EQF, SeQF), credit systems and the controlled lists of Annex I elements."""
