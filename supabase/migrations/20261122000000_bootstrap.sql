-- What a Supabase project already has, created here so the same migrations run on embedded PGlite
-- and on plain PostgreSQL. Every statement is guarded: on Supabase this file changes nothing.

-- Roles are shared by every database of a cluster, and two databases may be migrated at once:
-- "already exists" from a concurrent creation is as good as creating it.
do $$
begin
  if not exists (select from pg_roles where rolname = 'anon') then
    begin
      create role anon nologin noinherit;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  if not exists (select from pg_roles where rolname = 'authenticated') then
    begin
      create role authenticated nologin noinherit;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  if not exists (select from pg_roles where rolname = 'service_role') then
    begin
      create role service_role nologin noinherit bypassrls;
    exception when duplicate_object or unique_violation then null;
    end;
  end if;
  -- The server switches to these roles per request (set local role), as PostgREST does; a
  -- non-superuser connection role must be a member of them to do so.
  if not pg_has_role(current_user, 'anon', 'member') then
    begin
      execute format('grant anon to %I', current_user);
    exception when insufficient_privilege then
      raise notice 'could not grant anon to %: the server cannot switch to it', current_user;
    end;
  end if;
  if not pg_has_role(current_user, 'authenticated', 'member') then
    begin
      execute format('grant authenticated to %I', current_user);
    exception when insufficient_privilege then
      raise notice 'could not grant authenticated to %: the server cannot switch to it', current_user;
    end;
  end if;
  if not pg_has_role(current_user, 'service_role', 'member') then
    begin
      execute format('grant service_role to %I', current_user);
    exception when insufficient_privilege then
      raise notice 'could not grant service_role to %: the server cannot switch to it', current_user;
    end;
  end if;
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
