-- What a Supabase project already has, created here so the same migrations run on embedded PGlite
-- and on plain PostgreSQL. Every statement is guarded: on Supabase this file changes nothing.

-- Roles are shared by every database of a cluster, and two databases may be migrated at once:
-- "already exists" from a concurrent creation is as good as creating it.
do $$
declare
  api_role text;
begin
  foreach api_role in array array['anon', 'authenticated', 'service_role'] loop
    if not exists (select from pg_roles where rolname = api_role) then
      begin
        -- service_role is the trusted server role: it bypasses RLS, as on Supabase
        execute format(
          'create role %I nologin noinherit%s',
          api_role,
          case when api_role = 'service_role' then ' bypassrls' else '' end
        );
      exception when duplicate_object or unique_violation then null;
      end;
    end if;
    -- The server switches to these roles per request (set local role), as PostgREST does; a
    -- non-superuser connection role must be a member of them to do so.
    if not pg_has_role(current_user, api_role, 'member') then
      begin
        execute format('grant %I to %I', api_role, current_user);
      exception when insufficient_privilege then
        raise notice 'could not grant % to %: the server cannot switch to it', api_role, current_user;
      end;
    end if;
  end loop;
end
$$;

create schema if not exists auth;

do $$
begin
  if not exists (
    select from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'uid'
  ) then
    -- Same definition as Supabase's: the user id is the "sub" claim of the request's JWT claims.
    create function auth.uid() returns uuid
      language sql stable
      as $f$
        select coalesce(
          nullif(current_setting('request.jwt.claim.sub', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
        )::uuid
      $f$;
  end if;
  if not exists (
    select from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proname = 'role'
  ) then
    create function auth.role() returns text
      language sql stable
      as $f$
        select coalesce(
          nullif(current_setting('request.jwt.claim.role', true), ''),
          (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
        )::text
      $f$;
  end if;
end
$$;

grant usage on schema auth to anon, authenticated, service_role;
grant usage on schema public to anon, authenticated, service_role;
