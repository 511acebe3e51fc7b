"""The pages of the accounts app: signing in, the second factor, organisations and invitations."""
