"""The bottom floor: small helpers several apps need, with no models and no imports of our apps."""
