-- A profile per person who can sign in, whichever provider signed them in (local accounts or
-- Supabase Auth): its id is the user id that memberships use.

create table public.profiles (
  id uuid primary key,
  display_name text not null check (length(display_name) between 1 and 120),
  email text not null check (length(email) between 3 and 254),
  created_at timestamptz not null default now()
);
alter table public.profiles enable row level security;

-- Supabase grants everything to the API roles by default; grant only what policies use.
revoke all on public.profiles from anon, authenticated;
grant select, insert, update on public.profiles to authenticated;
grant all on public.profiles to service_role;

create policy "People can read their own profile"
  on public.profiles for select to authenticated
  using (id = (select auth.uid()));

create policy "People can create their own profile"
  on public.profiles for insert to authenticated
  with check (id = (select auth.uid()));

create policy "People can update their own profile"
  on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));
