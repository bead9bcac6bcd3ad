-- Password reset tokens are core.app_token rows (type PASSWORD_RESET_TOKEN) whose `value` is the
-- SHA-256 (hex) of the token mailed to the user: a reset looks the row up by that hash.
CREATE INDEX app_token_password_reset_value_idx ON core.app_token (value)
  WHERE type = 'PASSWORD_RESET_TOKEN';
