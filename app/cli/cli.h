/* Subcommands of `leerplek` (SPEC.md). Each returns the exit code:
 * 0 success, 1 invalid input or findings, 2 usage error, 3 runtime failure. */
#ifndef LP_CLI_H
#define LP_CLI_H

int cli_check(int argc, char **argv);
int cli_learner(int argc, char **argv, const char *default_data);
int cli_setup(int argc, char **argv, const char *default_data);
int cli_org(int argc, char **argv, const char *default_data);
int cli_sync(int argc, char **argv, const char *default_data);
int cli_export(int argc, char **argv, const char *default_data, const char *default_lessons);
int cli_not_built(const char *name);

#endif
