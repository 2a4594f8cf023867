/* Unit test: printed dates to ISO (dates.h), found in text and parsed whole. */
#include <stdio.h>
#include <string.h>

#include "dates.h"

static int failures;

#define CHECK(cond) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } } while (0)

static void
check_find(const char *s, const char *want, const char *want_span)
{
	char iso[DATE_ISO_LEN + 1] = "";
	size_t st = 0, e = 0;
	int ok = date_find(s, strlen(s), iso, &st, &e);

	if (!want) {
		if (ok) {
			failures++;
			printf("FAIL find \"%s\": got %s, want none\n", s, iso);
		}
		return;
	}
	if (!ok || strcmp(iso, want) != 0) {
		failures++;
		printf("FAIL find \"%s\": got %s, want %s\n", s, ok ? iso : "none", want);
		return;
	}
	if (want_span && (e - st != strlen(want_span) ||
	    memcmp(s + st, want_span, e - st) != 0)) {
		failures++;
		printf("FAIL span \"%s\": got \"%.*s\", want \"%s\"\n", s,
		    (int)(e - st), s + st, want_span);
	}
}

static void
check_parse(const char *s, const char *want)
{
	char iso[DATE_ISO_LEN + 1] = "";
	int ok = date_parse(s, strlen(s), iso);

	if (want ? (!ok || strcmp(iso, want) != 0) : ok) {
		failures++;
		printf("FAIL parse \"%s\": got %s, want %s\n", s, ok ? iso : "none",
		    want ? want : "none");
	}
}

int
main(void)
{
	/* The shapes of dates.h. */
	check_parse("Thursday, 16 July 2015", "2015-07-16");
	check_parse("12th June 2019", "2019-06-12");
	check_parse("14 OCTOBER 2025", "2025-10-14");
	check_parse("16/07/2015", "2015-07-16");
	check_parse("16.07.2015", "2015-07-16");
	check_parse("16-07-2015", "2015-07-16");
	check_parse("16/07/15", "2015-07-16");
	check_parse("1/2/99", "1999-02-01");
	check_parse("2015-07-16", "2015-07-16");
	check_parse("July 16, 2015", "2015-07-16");
	check_parse("June 12th 2019", "2019-06-12");
	check_parse("4th of July, 2018", "2018-07-04");
	check_parse("16 Jul. 2015", "2015-07-16");
	check_parse("3 Sept 2024", "2024-09-03");
	check_parse("16-Jul-2015", "2015-07-16");
	check_parse("Wed 4 March 2025", "2025-03-04");
	check_parse("Thurs. 6 March 2025", "2025-03-06");
	check_parse("  Tuesday 4 March 2025.  ", "2025-03-04");
	check_parse("04 July 2018", "2018-07-04");
	check_parse("MONDAY, 1ST DECEMBER 2025", "2025-12-01");
	check_parse("29 February 2024", "2024-02-29");

	/* Not dates, or not only a date. */
	check_parse("29 February 2023", NULL);
	check_parse("31 June 2020", NULL);
	check_parse("2 September", NULL);
	check_parse("32/01/2020", NULL);
	check_parse("16/13/2015", NULL);
	check_parse("4 March 2025 at 2pm", NULL);
	check_parse("the 4 March 2025", NULL);
	check_parse("", NULL);
	check_parse("May", NULL);
	check_parse("2024/25", NULL);
	check_parse("1.30.45", NULL);
	check_parse("12 Marching 2020", NULL);
	check_parse("1 March 1850", NULL);

	/* Found inside text; the span includes the weekday. */
	check_find("held at the Guildhall on Tuesday, 4 March 2025.", "2025-03-04",
	    "Tuesday, 4 March 2025");
	check_find("MINUTES OF THE PLANNING COMMITTEE — 12th June 2019 at 7.00 pm",
	    "2019-06-12", "12th June 2019");
	check_find("CABINET: 14 OCTOBER 2025", "2025-10-14", "14 OCTOBER 2025");
	check_find("Date/Time: Tuesday, 2 September 2025 at 2.00 pm", "2025-09-02",
	    "Tuesday, 2 September 2025");
	check_find("from 1st October – 7th October 2018", "2018-10-07", "7th October 2018");
	check_find("2.00 - 4.10 pm", NULL, NULL);
	check_find("Minute 45/24 and 2023/114", NULL, NULL);
	check_find("£1.2m in 2023/24, 14% more", NULL, NULL);
	check_find("item 12 may 2020 be", "2020-05-12", "12 may 2020");
	check_find("ref 123 May 2020", NULL, NULL);
	check_find("x16/07/2015", NULL, NULL);
	check_find("on 2 September at 14:00, then 5/6/2025", "2025-06-05", "5/6/2025");
	check_find("Friday", NULL, NULL);
	/*
	 * date_find tries only a digit and the two words before it: a
	 * weekday and a month, with the dots, commas and white space
	 * between, stand before the first digit of a date at most.
	 */
	check_find("held on Thursday, July 16, 2015 at noon", "2015-07-16",
	    "Thursday, July 16, 2015");
	check_find("Sat.,  Sept.\t4th 2021", "2021-09-04", "Sat.,  Sept.\t4th 2021");
	check_find("Wednesday Thursday June 3 2020", "2020-06-03", "Thursday June 3 2020");
	check_find("Monday and 12 March 2024", "2024-03-12", "12 March 2024");
	check_find("Friday 2020 then Friday 3 April 2020", "2020-04-03", "Friday 3 April 2020");
	check_find("5 6 7 8 and 4 May 2022", "2022-05-04", "4 May 2022");
	/* the longest a date gets with single spaces (sections.c DATE_REACH) */
	check_find("at Wednesday., 12th of -September-, 2025 then", "2025-09-12",
	    "Wednesday., 12th of -September-, 2025");
	/* the digits inside a number are not tried (no date starts there) */
	check_find("ref 120162025-07-16 and 2025-07-17", "2025-07-17", "2025-07-17");
	check_find("12345 16/07/2015", "2015-07-16", "16/07/2015");

	/* date_find_before: date_find's answer only when it starts before lim */
	{
		char iso[DATE_ISO_LEN + 1];
		size_t st, e;
		const char *s = "Cabinet 4 March 2025 7.00 pm";
		size_t n = strlen(s);

		CHECK(date_find_before(s, n, 9, iso, &st, &e) && st == 8 &&
		    strcmp(iso, "2025-03-04") == 0);
		CHECK(!date_find_before(s, n, 8, iso, &st, &e));
		CHECK(!date_find_before("Room 5, Cabinet 4 March 2025", 28, 6, iso, &st, &e));
		CHECK(date_find_before("Room 5, Cabinet 4 March 2025", 28, 28, iso, &st, &e) &&
		    st == 16);
	}

	if (failures)
		printf("%d failures\n", failures);
	return failures != 0;
}
