/*
 * Unit test: wordset.h, the lexicon lists as minutes-normalise looks
 * them up (grouped by first byte; caseless when the list says i), and
 * textquality's function words, which come from the tree's lexicon.
 */
#include <stdio.h>
#include <string.h>

#include "lexicon.h"
#include "textquality.h"
#include "wordset.h"

static int failures;

#define CHECK(cond, ...) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); \
	putchar('\n'); } } while (0)

int
main(void)
{
	struct wordset ws, exact;
	struct tq q;

	lexicon_open(MM_RULES);

	/* attendance_label is caseless: any case, whole entries only. */
	wordset_init(&ws, "attendance_label");
	CHECK(ws.caseless, "attendance_label not caseless");
	CHECK(ws_has(&ws, "In Attendance", 13), "In Attendance");
	CHECK(ws_has(&ws, "PRESENT", 7), "PRESENT");
	CHECK(!ws_has(&ws, "presents", 8), "presents");
	CHECK(!ws_has(&ws, "", 0), "the empty word");
	CHECK(ws_first(&ws, 'A') && ws_first(&ws, 'a'), "first byte a/A");
	CHECK(!ws_first(&ws, 'z') && !ws_first(&ws, '1'), "first byte z/1");

	/* name_small_word is compared as written. */
	wordset_init(&exact, "name_small_word");
	CHECK(!exact.caseless, "name_small_word caseless");
	CHECK(ws_has(&exact, "van", 3) && !ws_has(&exact, "Van", 3), "van/Van");

	/* The longest entry a text starts with. */
	wordset_free(&ws);
	wordset_init(&ws, "person_title");
	CHECK(ws_longest_prefix(&ws, "Cllrs Ash", 9) == 5, "Cllrs");
	CHECK(ws_longest_prefix(&ws, "CLLR Ash", 8) == 4, "Cllr");
	CHECK(ws_longest_prefix(&ws, "Item 4", 6) == 0, "Item");
	CHECK(ws.maxlen >= 5, "maxlen %zu", ws.maxlen);
	wordset_free(&ws);
	wordset_free(&exact);

	/* Function words from the lexicon: "the" and "of" are, "xq" not. */
	memset(&q, 0, sizeof q);
	tq_line(&q, "The minutes of the meeting xq", 29);
	CHECK(q.words == 6 && q.function == 3, "words %lu, function %lu",
	    q.words, q.function);

	if (failures)
		printf("%d failure(s)\n", failures);
	return failures ? 1 : 0;
}
