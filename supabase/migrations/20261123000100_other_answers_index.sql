-- The "other, please specify" answers of choice questions, found without reading every answer
-- to the question: the results page lists the latest of them, and most answers have none.
create index answers_other_idx on public.answers (question_id)
  where jsonb_typeof(value) = 'object' and value ? 'other';
