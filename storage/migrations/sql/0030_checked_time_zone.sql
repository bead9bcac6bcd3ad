-- {p}GroupBy by day, week, month, quarter or year needs an IANA time zone from the client. The
-- compiled statement reads it through this function once (as an InitPlan): an unknown name is
-- refused with Twenty's INVALID_TIMEZONE error (SQLSTATE CH001, as core.raise_record_error)
-- before any row is grouped, instead of PostgreSQL's own error halfway through.
CREATE FUNCTION core.checked_time_zone(tz text)
RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
  PERFORM now() AT TIME ZONE tz;
  RETURN tz;
EXCEPTION WHEN invalid_parameter_value THEN
  RAISE EXCEPTION USING ERRCODE = 'CH001', MESSAGE = 'Invalid timezone: ' || tz,
    DETAIL = 'INVALID_TIMEZONE', HINT = 'BAD_USER_INPUT';
END;
$$;
