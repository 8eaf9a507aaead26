/* test-anonymize.c — names and identifying terms out of text, case by case
 *
 * Copyright 2026 The Rubric authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each leak of issue 14 has its case here; docs/anonymise.md is the policy
 * they check.
 */

#include <locale.h>
#include <string.h>

#include "rubric-anonymize.h"

#define ALIAS "Candidate 7C2E"

static RubricAnonymizer *
new_for (const char *candidate)
{
  RubricAnonymizer *anonymizer = rubric_anonymizer_new ();

  rubric_anonymizer_add_person (anonymizer, candidate, ALIAS);
  return anonymizer;
}

/* TEXT anonymised for CANDIDATE is EXPECTED. */
static void
assert_anonymized (const char *candidate,
                   const char *text,
                   const char *expected)
{
  g_autoptr(RubricAnonymizer) anonymizer = new_for (candidate);
  g_autofree char *result = rubric_anonymizer_apply (anonymizer, text);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_full_name_and_parts (void)
{
  assert_anonymized ("Ada Lovelace", "Ada Lovelace explained it; Lovelace was sure, ADA less so.",
                     ALIAS " explained it; " ALIAS " was sure, " ALIAS " less so.");
  /* Not inside other words. */
  assert_anonymized ("Ada Lovelace", "Adalbert and Canada", "Adalbert and Canada");
}

static void
test_unspaced_scripts (void)
{
  assert_anonymized ("王小明", "王小明说他用过Django。", ALIAS "说他用过Django。");
  /* The given name alone gives him away too. */
  assert_anonymized ("王小明", "小明的回答很好", ALIAS "的回答很好");
  assert_anonymized ("田中太郎", "田中太郎さんは", ALIAS "さんは");
  /* A Latin name next to Chinese text. */
  assert_anonymized ("Ada Lovelace", "Ada说", ALIAS "说");
}

static void
test_without_accents (void)
{
  const char *name = "José Müller-Łukasz";

  assert_anonymized (name, "Jose said", ALIAS " said");
  assert_anonymized (name, "Dr Muller and Mr Lukasz", "Dr " ALIAS " and Mr " ALIAS);
  /* German without umlauts. */
  assert_anonymized (name, "Mueller answered", ALIAS " answered");
  assert_anonymized (name, "MÜLLER, JOSÉ", ALIAS ", " ALIAS);
}

static void
test_decomposed (void)
{
  /* "José Müller" with combining marks in the text, precomposed in the
   * name; and the other way round. The marks go with the name. */
  assert_anonymized ("José Müller", "Jose\xcc\x81 and Mu\xcc\x88ller.", ALIAS " and " ALIAS ".");
  assert_anonymized ("Jose\xcc\x81 Mu\xcc\x88ller", "José, then Müller", ALIAS ", then " ALIAS);
  /* Fullwidth letters and a soft hyphen inside the name. */
  assert_anonymized ("Ada Lovelace", "\xef\xbc\xa1\xef\xbd\x84\xef\xbd\x81 and Love\xc2\xadlace",
                     ALIAS " and " ALIAS);
}

static void
test_apostrophes_and_possessives (void)
{
  const char *name = "Siobhán O'Brien";

  assert_anonymized (name, "O’Brien’s answer", ALIAS "’s answer");
  assert_anonymized (name, "O'Brien's answer", ALIAS "'s answer");
  assert_anonymized (name, "OBrien wrote", ALIAS " wrote");
  assert_anonymized ("Siobhán O’Brien", "O'Brien", ALIAS);
  assert_anonymized ("Ada Lovelace", "Ada's tests, Lovelace’s design", ALIAS "'s tests, " ALIAS "’s design");
}

static void
test_turkish (void)
{
  const char *name = "İlkay Yıldız";

  assert_anonymized (name, "Ilkay and ilkay and İLKAY", ALIAS " and " ALIAS " and " ALIAS);
  assert_anonymized (name, "YILDIZ; Yildiz; yıldız", ALIAS "; " ALIAS "; " ALIAS);
  /* Lowercase İ is i with a combining dot, which goes too. */
  assert_anonymized (name, "i\xcc\x87lkay", ALIAS);
}

static void
test_hyphenated (void)
{
  const char *name = "José Müller-Łukasz";

  assert_anonymized (name, "Müller said", ALIAS " said");
  assert_anonymized (name, "Łukasz said", ALIAS " said");
  /* One replacement for the whole name, however it is written. */
  assert_anonymized (name, "José Müller-Łukasz said", ALIAS " said");
  assert_anonymized (name, "José Müller Łukasz said", ALIAS " said");
  assert_anonymized (name, "José Müller–Łukasz said", ALIAS " said");
}

static void
test_emails_and_handles (void)
{
  const char *name = "José Müller-Łukasz";

  assert_anonymized (name, "Write to jose.muller-lukasz@example.com.", "Write to " ALIAS ".");
  assert_anonymized (name, "(mail: <JMuller84@example.org>)", "(mail: <" ALIAS ">)");
  assert_anonymized (name, "see github.com/jmueller and @lukasz_dev", "see " ALIAS " and " ALIAS);
  assert_anonymized (name, "https://www.linkedin.com/in/jose-m-123/", ALIAS);
  /* A handle with no part of the name stays. */
  assert_anonymized (name, "see github.com/django and @octocat", "see github.com/django and @octocat");
  /* Name parts that are common words are found run together. */
  assert_anonymized ("Will May", "@willmay and wmay@example.com", ALIAS " and " ALIAS);
}

static void
test_common_words (void)
{
  g_autoptr(RubricAnonymizer) anonymizer = rubric_anonymizer_new ();
  g_autofree char *plain = NULL;
  g_autofree char *named = NULL;
  g_autofree char *turned = NULL;
  const char * const *remaining;

  rubric_anonymizer_add_person (anonymizer, "Will May", "Interviewer A");
  plain = rubric_anonymizer_apply (anonymizer, "we will follow up in May");
  g_assert_cmpstr (plain, ==, "we will follow up in May");
  g_assert_cmpuint (rubric_anonymizer_get_n_replaced (anonymizer), ==, 0);

  /* The full name always; a common-word part when capitalised. */
  named = rubric_anonymizer_apply (anonymizer, "will may asked. Will said so.");
  g_assert_cmpstr (named, ==, "Interviewer A asked. Interviewer A said so.");
  turned = rubric_anonymizer_apply (anonymizer, "May, Will and W. May");
  g_assert_cmpstr (turned, ==, "Interviewer A and Interviewer A");
  g_assert_cmpuint (rubric_anonymizer_get_n_replaced (anonymizer), ==, 4);

  /* "May" stayed, and the user is told. */
  remaining = rubric_anonymizer_get_remaining (anonymizer);
  g_assert_cmpstr (remaining[0], ==, "May");
  g_assert_null (remaining[1]);
}

static void
test_remaining (void)
{
  g_autoptr(RubricAnonymizer) anonymizer = new_for ("Ada Lovelace");
  g_autofree char *result = rubric_anonymizer_apply (anonymizer,
                                                     "Ada asked Dr. Okafor and Ms Chen; the Lovelaces agreed. "
                                                     "Django and Python are not names.");
  const char * const *remaining = rubric_anonymizer_get_remaining (anonymizer);

  g_assert_cmpstr (result, ==, ALIAS " asked Dr. Okafor and Ms Chen; the Lovelaces agreed. "
                               "Django and Python are not names.");
  g_assert_cmpuint (g_strv_length ((GStrv) remaining), ==, 3);
  g_assert_cmpstr (remaining[0], ==, "Okafor");
  g_assert_cmpstr (remaining[1], ==, "Chen");
  g_assert_cmpstr (remaining[2], ==, "Lovelaces");
}

static void
test_interviewers (void)
{
  g_autoptr(RubricAnonymizer) anonymizer = new_for ("Ada Lovelace");
  g_autofree char *result = NULL;

  /* Nothing met yet: an empty list, not none. */
  g_assert_nonnull (rubric_anonymizer_get_remaining (anonymizer));
  g_assert_null (rubric_anonymizer_get_remaining (anonymizer)[0]);

  rubric_anonymizer_add_person (anonymizer, "Sam Lee", "Interviewer A");
  rubric_anonymizer_add_person (anonymizer, "Kim Park", "Interviewer B");
  result = rubric_anonymizer_apply (anonymizer, "Lee and Kim Park asked Ada; Park noted it.");
  g_assert_cmpstr (result, ==, "Interviewer A and Interviewer B asked " ALIAS "; Interviewer B noted it.");
}

static void
test_terms (void)
{
  g_autoptr(RubricAnonymizer) anonymizer = new_for ("Ada Lovelace");
  g_autofree char *result = NULL;

  rubric_anonymizer_add_term (anonymizer, "Università di Bologna", "[redacted]");
  rubric_anonymizer_add_term (anonymizer, "Acme", "[redacted]");
  rubric_anonymizer_add_term (anonymizer, "  ", "[redacted]");
  result = rubric_anonymizer_apply (anonymizer,
                                    "Ada studied at the UNIVERSITA DI\nBOLOGNA, now at ACME (acme.io); Acmeville stays.");
  g_assert_cmpstr (result, ==,
                   ALIAS " studied at the [redacted], now at [redacted] ([redacted].io); Acmeville stays.");
  g_assert_cmpuint (rubric_anonymizer_get_n_replaced (anonymizer), ==, 4);
}

static void
test_alias (void)
{
  g_autofree char *a = rubric_anonymize_candidate_alias ("6c8c3a6e-6d0a-4c1b-9a57-0f1e2d3c4b5a");
  g_autofree char *again = rubric_anonymize_candidate_alias ("6c8c3a6e-6d0a-4c1b-9a57-0f1e2d3c4b5a");
  g_autofree char *other = rubric_anonymize_candidate_alias ("0d9b7a0e-1f0a-4c1b-9a57-0f1e2d3c4b5a");

  g_assert_true (g_str_has_prefix (a, "Candidate "));
  g_assert_cmpuint (strlen (a), ==, strlen ("Candidate 7C2E"));
  g_assert_cmpstr (a, ==, again);
  g_assert_cmpstr (a, !=, other);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/anonymize/full-name-and-parts", test_full_name_and_parts);
  g_test_add_func ("/anonymize/unspaced-scripts", test_unspaced_scripts);
  g_test_add_func ("/anonymize/without-accents", test_without_accents);
  g_test_add_func ("/anonymize/decomposed", test_decomposed);
  g_test_add_func ("/anonymize/apostrophes-and-possessives", test_apostrophes_and_possessives);
  g_test_add_func ("/anonymize/turkish", test_turkish);
  g_test_add_func ("/anonymize/hyphenated", test_hyphenated);
  g_test_add_func ("/anonymize/emails-and-handles", test_emails_and_handles);
  g_test_add_func ("/anonymize/common-words", test_common_words);
  g_test_add_func ("/anonymize/remaining", test_remaining);
  g_test_add_func ("/anonymize/interviewers", test_interviewers);
  g_test_add_func ("/anonymize/terms", test_terms);
  g_test_add_func ("/anonymize/alias", test_alias);

  return g_test_run ();
}
