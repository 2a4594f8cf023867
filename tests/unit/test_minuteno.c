/*
 * Unit test: the minute-number parser of minutes-split and
 * minutes-normalise (minuteno.h):
 * every numbering style of conventions.md, the numeric groups, the
 * agenda number after a reference, and what is no minute number.
 */
#include <stdio.h>
#include <string.h>

#include "lexicon.h"
#include "minuteno.h"

static int failures;

#define CHECK(cond, what) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: %s: %s\n", __FILE__, __LINE__, what, #cond); } } while (0)

#define T(s) (s), strlen(s)

/* A minute number: the number as printed, the running value, the style, the title. */
static void
number(const char *c, const char *want, long value, int style, const char *title)
{
	struct minute_no m;
	size_t n = strlen(c);
	int ok = minute_number(c, n, &m);

	if (!want) {
		CHECK(!ok, c);
		return;
	}
	CHECK(ok, c);
	if (!ok)
		return;
	CHECK(m.ne - m.ns == strlen(want) && memcmp(c + m.ns, want, m.ne - m.ns) == 0, c);
	CHECK(m.value == value, c);
	CHECK(m.style == style, c);
	CHECK(strcmp(c + m.ts, title) == 0, c);
	CHECK(m.only == (title[0] == '\0'), c);
}

int
main(void)
{
	/* the words ("Minute", "PART", "Q") come from the tree's rules/lexicon */
	lexicon_open(MM_RULES);
	minuteno_init();

	/* Every numbering style of conventions.md, and what is not a number. */
	number("22. Declarations of interest.", "22", 22, ST_DOT, "Declarations of interest.");
	number("199. Question Time", "199", 199, ST_DOT, "Question Time");
	number("22.", "22", 22, ST_DOT, "");
	number("22", "22", 22, ST_BARE, "");
	number("7 Apologies", "7", 7, ST_BARE, "Apologies");
	number("Minute 45 – Apologies", "45", 45, ST_WORD, "Apologies");
	number("MINUTE 46: Budget", "46", 46, ST_WORD, "Budget");
	number("Min. No. 12 Declarations of Interest", "12", 12, ST_WORD, "Declarations of Interest");
	number("45/24 Apologies for Absence", "45/24", 45, ST_SLASH, "Apologies for Absence");
	number("2023/114 Public Participation", "2023/114", 114, ST_SLASH, "Public Participation");
	number("C.12 Chairman's Announcements", "C.12", 12, ST_PREFIX, "Chairman's Announcements");
	number("CAB 23 Revenue Budget", "CAB 23", 23, ST_PREFIX, "Revenue Budget");
	number("PC/45/19 Appeals", "PC/45/19", 45, ST_PREFIX, "Appeals");
	number("(12) Apologies", "12", 12, ST_PAREN, "Apologies");
	number("3.1 The Board met.", NULL, 0, 0, NULL);
	number("1.30 - 2.37pm", NULL, 0, 0, NULL);
	/* "1) Title" numbers items in some councils; a numbered question
	 * inside an item of another style is told apart by the section's
	 * numbering (tests/cases/split-* and questions-*), not here. */
	number("1) Apologies for Absence", "1", 1, ST_CLOSE, "Apologies for Absence");
	number("16.07.2 Register of Interests", "16.07.2", 2, ST_DATED, "Register of Interests");
	number("16.07.2016 Site visit", NULL, 0, 0, NULL);
	number("PART 1 - OPEN SESSION", NULL, 0, 0, NULL);
	number("(a) That the report be noted", NULL, 0, 0, NULL);
	number("Q1 performance", NULL, 0, 0, NULL);
	number("SEND 2024 strategy", NULL, 0, 0, NULL);
	number("PRESENT", NULL, 0, 0, NULL);
	number("12345 Title", NULL, 0, 0, NULL);

	number("Item 5 Apologies", "5", 5, ST_WORD, "Apologies");
	number("Min 7. Budget", "7", 7, ST_WORD, "Budget");
	number("24.61 PLANNING", "24.61", 61, ST_YEARNUM, "PLANNING");
	number("24.61 the report", NULL, 0, 0, NULL);
	number("C048/23   1.   APOLOGIES", "C048/23", 48, ST_PREFIX, "APOLOGIES");
	number("(3)", "3", 3, ST_PAREN, "");
	number("A6 road closure", NULL, 0, 0, NULL);
	number("ROOM 4 booking", NULL, 0, 0, NULL);
	number("Minutes 12", NULL, 0, 0, NULL);
	number("", NULL, 0, 0, NULL);
	{
		struct minute_no m;

		CHECK(minute_number(T("HWB23/11 Better Care Fund"), &m) && m.ngroups == 2 &&
		    m.group[0] == 23 && m.group[1] == 11 && m.style == ST_PREFIX, "HWB23/11 groups");
		CHECK(minute_number(T("CAB/2024/07 Budget"), &m) && m.ngroups == 2 &&
		    m.group[0] == 2024 && m.group[1] == 7 && m.ne == 11, "CAB/2024/07 groups");
		CHECK(minute_number(T("PC/45/19 Appeals"), &m) && m.ngroups == 2 &&
		    m.group[0] == 45 && m.group[1] == 19, "PC/45/19 groups");
		CHECK(minute_number(T("Min. No. 2023/115 Declarations"), &m) && m.ngroups == 2 &&
		    m.value == 115 && m.style == ST_WORD, "Min. No. 2023/115");
		CHECK(!minute_number(T("EU 2024 budget"), &m), "a year after capitals is no number");
		CHECK(!minute_number(T("1.1 None."), &m), "sub-paragraph");
	}
	{
		struct minute_no m;

		CHECK(minute_number(T("C048/23   1.   APOLOGIES"), &m) && m.agenda_no, "agenda number skipped");
		CHECK(minute_number(T("24.61 PLANNING"), &m) && strcmp(m.prefix, "24") == 0,
		    "the year of 24.61");
		CHECK(minute_number(T("16.07.2 Register"), &m) && m.ngroups == 3 &&
		    m.group[0] == 16 && m.group[1] == 7 && m.group[2] == 2, "16.07.2 groups");
		CHECK(minute_number(T("12. "), &m) && m.only, "a number and a space only");
	}
	{
		/* Periods and dates in a number's shape (minutes-normalise's
		 * heading lines refuse them). */
		struct minute_no m;
		static const char *const period[] = {
			"2023/24 Budget", "23/24 Budget", "Minute 2024/25 Budget",
			"12/10/2023 Site visit", "HWB23/24 Fund", NULL
		}, *const minute[] = {
			"2023/115 Budget", "5/6 Budget", "23/25 Budget",
			"12/10/23 Budget", "Minute 45 Budget", "HWB23/11 Fund", NULL
		};

		for (size_t k = 0; period[k]; k++)
			CHECK(minute_number(T(period[k]), &m) &&
			    minute_no_period(period[k], &m), period[k]);
		for (size_t k = 0; minute[k]; k++)
			CHECK(minute_number(T(minute[k]), &m) &&
			    !minute_no_period(minute[k], &m), minute[k]);
	}
	if (failures)
		return 1;
	puts("test_minuteno: ok");
	return 0;
}
