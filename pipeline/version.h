/*
 * version — one version for all programs.  The records contract
 * (records.md) changes only with a bump here and a README changelog line.
 */
#ifndef MM_VERSION_H
#define MM_VERSION_H
#define MM_VERSION "0.2.0"
#endif
