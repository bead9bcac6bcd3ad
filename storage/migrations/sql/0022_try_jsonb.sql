-- JSON held as text (a view filter's value, '["NEW","WON"]') read without failing on text that
-- is not JSON: a metadata change rewriting such values must not abort on a malformed one.
CREATE FUNCTION core.try_jsonb(input text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN input::jsonb;
EXCEPTION WHEN others THEN
  RETURN NULL;
END;
$$;
