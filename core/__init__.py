"""The bottom floor: small helpers that several apps share. No models; imports nothing of ours."""
