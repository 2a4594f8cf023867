doc.txt	1	minutes	2020-01-01	Board	1	Close	1. Close.
