// The set-based SQL of the synthetic programme (see seed-synthetic-programme.ts): every table is filled by a few
// INSERT … SELECT statements over generate_series and a plan table, never row by row. Statements read their
// settings from the session (`SET escriba.syn_* …`) and temporary tables, so each is a plain string.
import { ITEM_CATEGORIES } from "@/lib/vocabulary";

/** Words the synthetic texts are made of: they only need to look like text and be of realistic length. */
export const SYNTHETIC_WORDS = (
  "la casa el río una montaña pueblo mar tierra libro camino puerta noche mesa lengua escuela trabajo ciencia " +
  "música arte fiesta cocina pan vino aceite sal verde azul rojo blanco alto bajo largo nuevo viejo grande " +
  "pequeño fácil difícil rápido claro frío caliente explica describe resume clasifica escribe compara por qué " +
  "cómo cuándo dónde historia agua ciudad año día gobierno mundo país forma caso parte tiempo vida hombre mujer"
).split(" ");

/** `w[…] || ' ' || w[…] …`: `count` words picked by arithmetic on the plan's n, cheap for a million rows. */
export function wordsExpression(count: number, salt: number): string {
  const terms = Array.from({ length: count }, (_, i) => {
    const a = 7 + 2 * ((i * 13 + salt * 7) % 97);
    const b = i * 31 + salt * 17;
    return `w.words[1 + ((n::bigint * ${a} + ${b}) % ${SYNTHETIC_WORDS.length})::int]`;
  });
  return terms.join(" || ' ' || ");
}

/** Category by weight: the kinds writers find easiest come up more often. */
const CATEGORY_WHEEL = [
  ...Array(4).fill("open_qa"),
  ...Array(3).fill("general_qa"),
  ...Array(3).fill("closed_qa"),
  ...["brainstorming", "brainstorming", "classification", "classification", "summarization", "summarization"],
  ...["information_extraction", "information_extraction", "creative_writing", "creative_writing"],
] as const;
export const CATEGORY_WHEEL_SQL = `ARRAY[${CATEGORY_WHEEL.map((category) => `'${category}'`).join(",")}]`;
export const CATEGORY_QUOTA_FACTORS_SQL = `(ARRAY[1.4,1.0,1.2,0.8,1.1,0.9,1.3,1.0])[array_position(ARRAY[${ITEM_CATEGORIES.map((category) => `'${category}'`).join(",")}], category::text)]`;

export const PEOPLE_SQL = `
  CREATE TEMP TABLE syn_people AS
  SELECT p AS idx, gen_random_uuid() AS id,
         (CASE WHEN p < current_setting('escriba.syn_reviewers')::int THEN 'reviewer' ELSE 'annotator' END)::"Role" AS role,
         (CASE WHEN p % 3 = 0 AND second <> first THEN ARRAY[first, second] ELSE ARRAY[first] END)::"Language"[] AS languages
  FROM generate_series(0, current_setting('escriba.syn_people')::int - 1) AS p,
       LATERAL (SELECT (ARRAY['es','es','es','es','ca','ca','ca','gl','gl','eu'])[1 + p % 10] AS first,
                       (ARRAY['es','ca','gl','eu'])[1 + (p / 3) % 4] AS second) AS choice`;

export const INSERT_PEOPLE_SQL = `
  INSERT INTO users (id, email, name, password_hash, role, languages, created_at, updated_at)
  SELECT id, format('%s-%s-%s@synthetic.escriba.test', current_setting('escriba.syn_tag'), role, lpad(idx::text, 4, '0')),
         format('%s %s', initcap(role::text), idx), $1, role, languages,
         current_setting('escriba.syn_start')::timestamptz, current_setting('escriba.syn_start')::timestamptz
  FROM syn_people`;

/** Six campaigns, one starting every 45 days; every other one pays reviews; every third has hard quotas. */
export const CAMPAIGNS_SQL = `
  CREATE TEMP TABLE syn_campaigns AS
  SELECT c AS idx, gen_random_uuid() AS id,
         format('%s-%s', current_setting('escriba.syn_tag'), c + 1) AS slug,
         (ARRAY['Preguntas de cultura general', 'Textos administrativos', 'Escritura creativa', 'Ciencia divulgativa',
                'Atención a la ciudadanía', 'Patrimonio y territorio'])[1 + c % 6] || ' ' || (c + 1) AS name,
         (ARRAY[3.00, 2.50, 4.00, 3.50, 2.00, 5.00])[1 + c % 6]::numeric(10, 2) AS rate,
         CASE WHEN c % 2 = 0 THEN 0.80::numeric(10, 2) END AS rate_per_review,
         (CASE WHEN c % 3 = 2 THEN 'hard' ELSE 'soft' END)::"QuotaMode" AS quota_mode,
         current_setting('escriba.syn_start')::timestamptz + make_interval(days => c * 45) AS created_at
  FROM generate_series(0, current_setting('escriba.syn_campaigns')::int - 1) AS c`;

export const INSERT_CAMPAIGNS_SQL = `
  INSERT INTO campaigns (id, slug, name, description, status, languages, categories, approvals_required,
                         rate_per_approved_item, rate_per_review, quota_mode, currency, created_by_id, created_at, updated_at)
  SELECT id, slug, name, 'Synthetic campaign for benchmarks and demonstrations.', 'active',
         ARRAY['ca','es','eu','gl']::"Language"[], $2::"Category"[], 1, rate, rate_per_review, quota_mode, 'EUR', $1::uuid,
         created_at, created_at
  FROM syn_campaigns`;

export const GUIDELINES_SQL = `
  CREATE TEMP TABLE syn_guidelines AS
  SELECT gen_random_uuid() AS id, c.id AS campaign_id, l.language::"Language" AS language, c.created_at
  FROM syn_campaigns c CROSS JOIN unnest(ARRAY['ca','es','eu','gl']) AS l(language)`;

export const INSERT_GUIDELINES_SQL = `
  INSERT INTO guidelines (id, campaign_id, language, version, body, created_by_id, created_at)
  SELECT id, campaign_id, language, 1, '# Guidelines' || chr(10) || chr(10) || '1. Write naturally.' || chr(10) || '2. Answer fully.',
         $1::uuid, created_at
  FROM syn_guidelines`;

export const REVIEWER_POOL_SQL = `
  CREATE TEMP TABLE syn_reviewer_pool AS
  SELECT l.language::"Language" AS language, array_agg(p.id ORDER BY p.idx) AS ids
  FROM syn_people p CROSS JOIN unnest(p.languages::text[]) AS l(language)
  WHERE p.role = 'reviewer' GROUP BY l.language`;

/**
 * One row per item with everything later statements need: who wrote it when, in which campaign, how its review
 * rounds went and when. Items are spread over the months with a ramp-up (more recent, more items); the older an
 * item, the likelier its review is over.
 */
export const PLAN_SQL = `
  CREATE TEMP TABLE syn_plan AS
  WITH base AS (
    SELECT n,
           current_setting('escriba.syn_now')::timestamptz
             - (current_setting('escriba.syn_days')::float8 * (1 - sqrt(random()))) * interval '1 day' AS created_at,
           random() AS r_author, random() AS r_category, random() AS r_status, random() AS r_round,
           random() AS r_campaign, random() AS r_span, random() AS r_write
    FROM generate_series(1, current_setting('escriba.syn_items')::int) AS n
  ), placed AS (
    SELECT b.*,
           extract(epoch FROM current_setting('escriba.syn_now')::timestamptz - b.created_at) / 86400 AS age_days,
           least(current_setting('escriba.syn_campaigns')::int,
                 floor(extract(epoch FROM b.created_at - current_setting('escriba.syn_start')::timestamptz) / 86400 / 45)::int + 1) AS started,
           current_setting('escriba.syn_reviewers')::int
             + floor((current_setting('escriba.syn_people')::int - current_setting('escriba.syn_reviewers')::int) * power(b.r_author, 1.7))::int AS author_idx
    FROM base b
  ), shaped AS (
    SELECT p.*, a.id AS author_id,
           a.languages[1 + p.n % cardinality(a.languages)] AS language,
           (${CATEGORY_WHEEL_SQL})[1 + floor(p.r_category * 20)::int]::"Category" AS category,
           floor(p.r_campaign * greatest(p.started, 1))::int AS campaign_idx,
           CASE
             WHEN p.age_days < 2 THEN CASE WHEN p.r_status < 0.40 THEN 'draft' WHEN p.r_status < 0.85 THEN 'submitted' ELSE 'changes_requested' END
             WHEN p.age_days < 10 THEN CASE WHEN p.r_status < 0.08 THEN 'draft' WHEN p.r_status < 0.30 THEN 'submitted'
                                            WHEN p.r_status < 0.38 THEN 'changes_requested' WHEN p.r_status < 0.93 THEN 'approved' ELSE 'rejected' END
             ELSE CASE WHEN p.r_status < 0.03 THEN 'draft' WHEN p.r_status < 0.04 THEN 'submitted' WHEN p.r_status < 0.06 THEN 'changes_requested'
                       WHEN p.r_status < 0.895 THEN 'approved' WHEN p.r_status < 0.99 THEN 'rejected' ELSE 'retracted' END
           END::"ItemStatus" AS status,
           -- Writing takes minutes; the whole review story (one or two rounds) days, never past now.
           least(5 + p.r_write * 40, p.age_days * 1440 * 0.1) * interval '1 minute' AS writing,
           least(p.age_days * 0.9, 0.2 + p.r_span * 6) * interval '1 day' AS span
    FROM placed p JOIN syn_people a ON a.idx = p.author_idx
  ), rounds AS (
    SELECT s.*,
           CASE WHEN s.status = 'draft' THEN 0
                WHEN s.status = 'changes_requested' THEN CASE WHEN s.r_round < 0.10 THEN 2 ELSE 1 END
                ELSE CASE WHEN s.r_round < 0.18 THEN 2 ELSE 1 END END AS review_round
    FROM shaped s
  )
  SELECT r.n, gen_random_uuid() AS item_id, c.id AS campaign_id, g.id AS guideline_id, r.author_id, r.language, r.category,
         r.status, r.review_round,
         CASE WHEN r.status IN ('draft', 'submitted') THEN greatest(r.review_round - 1, 0) ELSE r.review_round END AS decided_rounds,
         r.created_at, r.writing,
         r.created_at + r.writing AS submit1_at,
         CASE WHEN r.review_round = 2 THEN r.created_at + r.span * 0.4 ELSE r.created_at + r.span END AS decision1_at,
         r.created_at + r.span * 0.55 AS submit2_at,
         r.created_at + r.span AS decision2_at,
         gen_random_uuid() AS rev1_id, gen_random_uuid() AS rev2_id,
         gen_random_uuid() AS review1_id, gen_random_uuid() AS review2_id,
         pool.ids[1 + (r.n * 31) % cardinality(pool.ids)] AS reviewer1_id,
         pool.ids[1 + (r.n * 31 + 7) % cardinality(pool.ids)] AS reviewer2_id,
         c.rate, c.rate_per_review
  FROM rounds r
  JOIN syn_campaigns c ON c.idx = r.campaign_idx
  JOIN syn_guidelines g ON g.campaign_id = c.id AND g.language = r.language
  JOIN syn_reviewer_pool pool ON pool.language = r.language`;

const INSTRUCTION_SQL = `'¿' || ${wordsExpression(12, 1)} || '?'`;
const RESPONSE_SQL = `${wordsExpression(45, 2)} || '.'`;

/** Items and their submitted revisions in one statement: their foreign keys on each other are checked at its end. */
export const INSERT_ITEMS_SQL = `
  WITH w AS (SELECT $1::text[] AS words),
  texts AS (
    SELECT p.*, ${INSTRUCTION_SQL} AS instruction, ${RESPONSE_SQL} AS response
    FROM syn_plan p, w
  ), inserted AS (
    INSERT INTO items (id, campaign_id, guideline_id, author_id, language, category, status, instruction, response, version,
                       similarity_keys, review_round, approved_revision_id, submitted_at, approved_at, retracted_at, created_at, updated_at)
    SELECT item_id, campaign_id, guideline_id, author_id, language, category, status, instruction, response, 1 + 2 * review_round,
           '{}', review_round,
           CASE WHEN status IN ('approved', 'retracted') THEN CASE WHEN review_round = 2 THEN rev2_id ELSE rev1_id END END,
           CASE review_round WHEN 0 THEN NULL WHEN 1 THEN submit1_at ELSE submit2_at END,
           CASE WHEN status IN ('approved', 'retracted') THEN decision2_at END,
           CASE WHEN status = 'retracted' THEN decision2_at + (current_setting('escriba.syn_now')::timestamptz - decision2_at) / 2 END,
           created_at,
           CASE WHEN review_round = 0 THEN created_at + writing ELSE decision2_at END
    FROM texts
  )
  INSERT INTO item_revisions (id, item_id, number, kind, author_id, category, instruction, response, guideline_id, created_at)
  SELECT rev1_id, item_id, 1, 'submission'::"RevisionKind", author_id, category, instruction, response, guideline_id, submit1_at
  FROM texts WHERE review_round >= 1
  UNION ALL
  SELECT rev2_id, item_id, 2, 'submission'::"RevisionKind", author_id, category, instruction, response || ' Revisado.', guideline_id, submit2_at
  FROM texts WHERE review_round = 2`;

/** Each decided round: its review, and the decision that round ended with (earlier rounds were always sent back). */
export const DECIDED_ROUNDS_SQL = `
  CREATE TEMP TABLE syn_rounds AS
  SELECT p.n, p.item_id, p.author_id, p.campaign_id, p.rate_per_review, r.round,
         CASE WHEN r.round = 1 THEN p.review1_id ELSE p.review2_id END AS review_id,
         CASE WHEN r.round = 1 THEN p.rev1_id ELSE p.rev2_id END AS revision_id,
         CASE WHEN r.round = 1 THEN p.reviewer1_id ELSE p.reviewer2_id END AS reviewer_id,
         CASE WHEN r.round = 1 THEN p.decision1_at ELSE p.decision2_at END AS decided_at,
         (CASE WHEN r.round < p.review_round OR p.status = 'changes_requested' THEN 'request_changes'
               WHEN p.status IN ('approved', 'retracted') THEN 'approve' ELSE 'reject' END)::"ReviewDecision" AS decision
  FROM syn_plan p CROSS JOIN LATERAL generate_series(1, p.decided_rounds) AS r(round)`;

export const INSERT_REVIEWS_SQL = `
  INSERT INTO reviews (id, item_id, revision_id, reviewer_id, round, decision, score_instruction, score_correctness,
                       score_fluency, score_safety, score_guidelines, comment, cited_clauses, created_at)
  SELECT review_id, item_id, revision_id, reviewer_id, round, decision,
         CASE decision WHEN 'approve' THEN 4 + n % 2 WHEN 'request_changes' THEN 3 ELSE 2 END,
         CASE decision WHEN 'approve' THEN 4 + (n / 2) % 2 WHEN 'request_changes' THEN 2 + n % 2 ELSE 1 + n % 2 END,
         4 + (n / 3) % 2, 5, CASE decision WHEN 'approve' THEN 5 ELSE 3 END,
         CASE decision WHEN 'approve' THEN '' ELSE 'Revisa la respuesta: le falta precisión.' END, '{}', decided_at
  FROM syn_rounds`;

export const INSERT_OUTCOMES_SQL = `
  INSERT INTO review_outcomes (item_id, round, author_id, campaign_id, outcome, decided_at)
  SELECT item_id, round, author_id, campaign_id,
         (CASE decision WHEN 'approve' THEN 'approved' WHEN 'request_changes' THEN 'changes_requested' ELSE 'rejected' END)::"ItemStatus",
         decided_at
  FROM syn_rounds`;

/** First approvals at the campaign's rate, and every review decision where the campaign pays reviews. */
export const INSERT_EARNINGS_SQL = `
  INSERT INTO earnings (id, user_id, kind, subject_id, item_id, campaign_id, earned_at, amount, currency)
  SELECT gen_random_uuid(), author_id, 'item'::"EarningKind", item_id, item_id, campaign_id, decision2_at, rate, 'EUR'
  FROM syn_plan WHERE status IN ('approved', 'retracted') AND rate > 0
  UNION ALL
  SELECT gen_random_uuid(), reviewer_id, 'review'::"EarningKind", review_id, item_id, campaign_id, decided_at, rate_per_review, 'EUR'
  FROM syn_rounds WHERE rate_per_review IS NOT NULL AND rate_per_review > 0`;

/** Writing time in the hour each submission (or the draft) was written; reviewing time in the hour of each decision. */
export const INSERT_ACTIVE_TIME_SQL = `
  INSERT INTO active_time (user_id, kind, item_id, hour, active_seconds)
  SELECT author_id, 'writing'::"ActivityKind", item_id, date_trunc('hour', created_at),
         greatest(30, least(3600, round(extract(epoch FROM writing) * 0.8)::int))
  FROM syn_plan
  UNION ALL
  SELECT author_id, 'writing'::"ActivityKind", item_id, date_trunc('hour', submit2_at), 120 + (n * 37) % 900
  FROM syn_plan WHERE review_round = 2
  UNION ALL
  SELECT reviewer_id, 'reviewing'::"ActivityKind", item_id, date_trunc('hour', decided_at), 60 + (n * 17 + round) % 540
  FROM syn_rounds
  ON CONFLICT DO NOTHING`;

/** Targets per cell sized on what each campaign collects, so some cells are full and others far from it. */
export const INSERT_QUOTAS_SQL = `
  INSERT INTO campaign_quotas (campaign_id, language, category, target)
  SELECT c.id, l.language::"Language", category,
         greatest(10, round(coalesce(counts.items, 0) * 0.8 / 32 * ${CATEGORY_QUOTA_FACTORS_SQL}))::int
  FROM syn_campaigns c
  CROSS JOIN unnest(ARRAY['ca','es','eu','gl']) AS l(language)
  CROSS JOIN unnest($1::"Category"[]) AS category
  LEFT JOIN (SELECT campaign_id, count(*) AS items FROM syn_plan GROUP BY campaign_id) AS counts ON counts.campaign_id = c.id`;
