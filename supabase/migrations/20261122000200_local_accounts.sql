-- The local sign-in provider (the embedded default): password hashes, sessions and sign-in
-- attempts. Only the server reads these tables; no API role has any grant, and RLS without a
-- policy denies everything even if a grant were added by mistake.

create table public.local_accounts (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  email text not null,
  -- scrypt$N$r$p$salt$hash, see src/lib/server/auth/passwords.ts
  password_hash text not null,
  created_at timestamptz not null default now()
);
create unique index local_accounts_email_key on public.local_accounts (lower(email));
alter table public.local_accounts enable row level security;
revoke all on public.local_accounts from anon, authenticated;

create table public.sessions (
  -- sha-256 of the cookie's token: a leaked table cannot be replayed as cookies
  token_hash text primary key,
  user_id uuid not null references public.profiles (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_user_id_idx on public.sessions (user_id);
alter table public.sessions enable row level security;
revoke all on public.sessions from anon, authenticated;

create table public.sign_in_attempts (
  id bigint generated always as identity primary key,
  -- 'email:<address>' or 'ip:<address>': both are limited, so neither a spray over many accounts
  -- nor a guess at one account from many addresses gets far
  key text not null,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index sign_in_attempts_key_idx on public.sign_in_attempts (key, attempted_at);
alter table public.sign_in_attempts enable row level security;
revoke all on public.sign_in_attempts from anon, authenticated;
