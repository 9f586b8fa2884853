import { splitStatements } from './sql-statements';

test('statements split at top-level semicolons only: not in strings, identifiers, dollar quotes or comments', () => {
  const sql = [
    '-- a comment; with a semicolon',
    "INSERT INTO t (a) VALUES ('x;y''z');",
    'CREATE INDEX CONCURRENTLY "odd;name" ON t (a);',
    '/* block; comment */ SELECT 1;',
    'CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql;',
    'SELECT $$;$$',
    '-- trailing comment only',
  ].join('\n');
  expect(splitStatements(sql)).toEqual([
    "-- a comment; with a semicolon\nINSERT INTO t (a) VALUES ('x;y''z')",
    'CREATE INDEX CONCURRENTLY "odd;name" ON t (a)',
    '/* block; comment */ SELECT 1',
    'CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql',
    // The last statement needs no semicolon; a comment after it travels with it.
    'SELECT $$;$$\n-- trailing comment only',
  ]);
});
