/* Unit test: the one-paragraph recognisers of minutes-split (headings.h). */
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "headings.h"
#include "lexicon.h"

static int failures;

#define CHECK(cond, what) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: %s: %s\n", __FILE__, __LINE__, what, #cond); } } while (0)

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

static void
heading(const char *c, int want, const char *body, const char *date)
{
	size_t bs = 0, be = 0;
	char iso[DATE_ISO_LEN + 1] = "";
	int has_date = 0, got = minutes_heading(c, strlen(c), &bs, &be, iso, &has_date);

	CHECK(got == want, c);
	if (got != want || want == 0)
		return;
	CHECK(be - bs == strlen(body) && memcmp(c + bs, body, be - bs) == 0, c);
	CHECK(date ? has_date && strcmp(iso, date) == 0 : !has_date, c);
}

#define T(s) (s), strlen(s)

int
main(void)
{
	/* the words come from the tree's rules/lexicon */
	lexicon_open(MM_RULES);
	headings_init();

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
	CHECK(tally_line("9 For, 2 Against, 1 Abstention", 30), "tally");
	number("(a) That the report be noted", NULL, 0, 0, NULL);
	number("Q1 performance", NULL, 0, 0, NULL);
	number("SEND 2024 strategy", NULL, 0, 0, NULL);
	number("PRESENT", NULL, 0, 0, NULL);
	number("12345 Title", NULL, 0, 0, NULL);

	/* Titles, and what reads as a sentence, a question or a part. */
	CHECK(title_like(T("Declarations of interest."), 1, 0), "title");
	CHECK(title_like(T("Early Help Review - Family Wellbeing Service (0-19)."), 1, 0), "title");
	CHECK(title_like(T("Questions asked by members under Standing Order 7(3) and 7(5)"), 0, 0), "title");
	CHECK(!title_like(T("That the report be noted;"), 0, 0), "part");
	CHECK(!title_like(T("the conditions in the report;"), 0, 0), "lower case");
	CHECK(!title_like(T("The contractor's quote was noted."), 0, 0), "sentence");
	CHECK(!title_like(T("Question from Mrs A Smith"), 0, 0), "question");
	CHECK(!title_like(T("Mr Smith asked whether the bins in Mill Road would change?"), 0, 0), "question");
	CHECK(!title_like(T("The report be noted"), 0, 1), "resolution part");
	CHECK(run_in_cut(T("Declarations of interest. The Chairman invited members."), 1, 0) == 25, "cut");
	CHECK(run_in_cut(T("Report of Mr. J. Smith on roads"), 1, 0) == 0, "no cut after initials");
	CHECK(caps_cut(T("DECLARATIONS OF INTEREST Cllr Cole declared an interest.")) == 25, "caps cut");
	CHECK(caps_cut(T("CCTV Strategy")) == 0, "no caps cut");
	CHECK(opener_cut(T("Declarations of interest No declarations were made."), 1, 0) == 25, "opener cut");
	CHECK(opener_cut(T("Minutes of the last meeting RESOLVED that they be signed."), 1, 0) == 28, "opener RESOLVED");
	CHECK(opener_cut(T("Report on The Future of Libraries"), 1, 0) == 0, "The before a capital");
	CHECK(opener_cut(T("Planning Update: The council noted it."), 1, 0) == 0, "after a colon");
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
	CHECK(title_continues(T("Planning Application at")), "goes on");
	CHECK(!title_continues(T("Planning Application")), "ends");
	CHECK(takes_number(T("Overview and Scrutiny Procedure Rule")), "Rule 16");
	CHECK(wrapped_tail(1, T("Declarations in accordance with Procedure"), T("Rule 16.")), "tail");
	CHECK(!wrapped_tail(1, T("Urgent Items"), T("None.")), "answer, not tail");
	CHECK(!wrapped_tail(0, T("Urgent Items"), T("Rule 16.")), "undotted, short");

	/* Meeting headings. */
	heading("Minutes of a meeting of the Cabinet held at the Council Offices on Tuesday, 4 March 2025",
	    1, "Cabinet", "2025-03-04");
	heading("MINUTES OF THE PLANNING COMMITTEE — 12th June 2019 at 7.00 pm", 1,
	    "PLANNING COMMITTEE", "2019-06-12");
	heading("Minutes of the Parish Council meeting held on 2 October 2023", 1, "Parish Council",
	    "2023-10-02");
	heading("Minutes of the Annual Meeting of the County Council held on 21 May 2025", 1,
	    "County Council", "2025-05-21");
	heading("Minutes of a meeting of the Highways Committee held at", 1, "Highways Committee", NULL);
	heading("End of guidance. Minutes of a meeting of the Arts Board held on 9 May 2025.", 1,
	    "Arts Board", "2025-05-09");
	heading("Minutes of the meeting held on Wednesday 12 June 2019 at 7.00 pm", 2, "", "2019-06-12");
	heading("MINUTE of MEETING of the LICENSING BOARD held in the Burgh Chambers on Wednesday 5 March 2025 at 10.00am.",
	    1, "LICENSING BOARD", "2025-03-05");
	heading("Minute of the previous meeting", 0, NULL, NULL);
	heading("Minute 45 of the meeting held on 4 March 2025", 0, NULL, NULL);
	heading("The minutes of the meeting held on 4 June were taken as read.", 0, NULL, NULL);
	heading("3. Minutes of the previous meeting.", 0, NULL, NULL);
	heading("Minutes of the meeting held on 7 July 2025. (Pages 3 - 8)", 0, NULL, NULL);
	heading("Minutes of the meeting of the Cabinet held on 4 March 2025 were approved.", 0, NULL, NULL);
	heading("Members approved the Minutes of the meeting of the Board held on 4 March 2025.", 0,
	    NULL, NULL);
	CHECK(body_line(T("PLANNING COMMITTEE")), "body line");
	CHECK(!body_line(T("Item Report by")), "no body noun");

	/* The end of minutes. */
	CHECK(times_line(T("2.00 - 4.10 pm")), "times");
	CHECK(times_line(T("1.30pm – 3.55pm CHAIRMAN")), "times");
	CHECK(times_line(T("10.00 am to 12.15 pm")), "times");
	CHECK(times_line(T("14:00 - 16:10")), "times");
	CHECK(!times_line(T("2.00 - 4.10")), "no am/pm, no colon");
	CHECK(!times_line(T("2 - 3 members attended the meeting at the Town Hall last week and spoke at length")), "sentence");
	CHECK(chair_line(T("CHAIRMAN")), "chair");
	CHECK(chair_line(T("Chair: Date:")), "chair");
	CHECK(chair_line(T("Signed ...... Chairman")), "signed");
	CHECK(chair_line(T("Signed: ……")), "signed");
	CHECK(!chair_line(T("signed.")), "end of a sentence");
	CHECK(!chair_line(T("Chairman's Announcements were made")), "sentence");
	CHECK(closing_line(T("The meeting closed at 4.10 pm.")), "closed");
	CHECK(closing_line(T("The Chairman closed the meeting at 9.05 pm.")), "closed");
	CHECK(!closing_line(T("The meeting closed at the request of members.")), "no time");

	/* Reports and front pages. */
	{
		size_t a, b;
		const char *cover = "Report to: Cabinet Date of meeting: 3 June 2025 Title: Fees";
		char iso[DATE_ISO_LEN + 1];

		CHECK(report_of(T("REPORT OF THE DIRECTOR OF PLACE")), "report of");
		CHECK(report_of(T("Joint report of the Chief Executive")), "joint report");
		CHECK(caps_line(T("TRANSFORMING SEND (TSIL) AND/OR")), "caps");
		CHECK(caps_line(T("2024 - 2025")), "no letters");
		CHECK(!caps_line(T("Purpose of report")), "mixed case");
		CHECK(caps_tail(T("Email: a@b.uk CABINET – 14 OCTOBER 2025")) > 0, "caps tail");
		CHECK(body_date_line(T("Cabinet – 14 October 2025")), "body date");
		CHECK(!body_date_line(T("Held on 14 October 2025")), "no body noun");
		CHECK(cover_value(cover, strlen(cover), COVER_BODY, &a, &b) &&
		    b - a == 7 && memcmp(cover + a, "Cabinet", 7) == 0, "cover body");
		CHECK(cover_value(cover, strlen(cover), COVER_TITLE, &a, &b) &&
		    b - a == 4 && memcmp(cover + a, "Fees", 4) == 0, "cover title");
		CHECK(appendix_line(T("APPENDIX A")), "appendix");
		CHECK(!appendix_line(T("Appendix A - Annual Report of the Board")), "list entry");
		CHECK(front_field(T("Meeting: Cabinet"), "meeting") == 9, "field");
		CHECK(front_date(T("Date/Time: Tuesday, 2 September 2025 at 2.00 pm"), iso) &&
		    strcmp(iso, "2025-09-02") == 0, "date field");
		CHECK(resolved_line(T("RESOLVED:")), "resolved");
		CHECK(resolved_line(T("It was RESOLVED that")), "resolved");
	}
	if (failures)
		printf("%d failures\n", failures);
	return failures != 0;
}
