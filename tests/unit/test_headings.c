/* Unit test: the one-paragraph recognisers of minutes-split (headings.h). */
#include <stdio.h>
#include <string.h>

#include "dates.h"
#include "headings.h"
#include "lexicon.h"

static int failures;

#define CHECK(cond, what) do { if (!(cond)) { failures++; \
	printf("FAIL %s:%d: %s: %s\n", __FILE__, __LINE__, what, #cond); } } while (0)

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

	CHECK(tally_line("9 For, 2 Against, 1 Abstention", 30), "tally");

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
