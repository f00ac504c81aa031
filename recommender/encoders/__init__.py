"""Encoders turn documents into unit-length vectors; one module per engine."""
