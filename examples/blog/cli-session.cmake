# cmake -DBLOG_MIGRATE=<blog_migrate> -DWORK_DIR=<dir> [-DPOSTGRES_URL_FILE=<file>]
#       -P cli-session.cmake
#
# A user's session with the blog's migration command, on a new SQLite file in WORK_DIR or, with
# POSTGRES_URL_FILE, on the PostgreSQL database whose URL the file holds (its users, posts and
# version tables are dropped first, with psql). Each command's exit code and output are checked;
# the first surprise fails the session.

foreach(var BLOG_MIGRATE WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "cli-session.cmake: -D${var}=... is required")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

if(POSTGRES_URL_FILE)
  file(STRINGS ${POSTGRES_URL_FILE} url LIMIT_COUNT 1)
  find_program(PSQL psql REQUIRED)
  execute_process(COMMAND ${PSQL} -X -q -v ON_ERROR_STOP=1 ${url} -c
                          "DROP TABLE IF EXISTS posts, users, tempest_db_migrations CASCADE"
                  RESULT_VARIABLE result ERROR_VARIABLE error)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "psql could not empty the database: ${error}")
  endif()
  set(postgres TRUE)
else()
  set(url sqlite:${WORK_DIR}/blog.db)
  set(postgres FALSE)
endif()
set(ENV{BLOG_DATABASE_URL} ${url})

# Runs blog_migrate with ARGN; fails unless it exits with `expected_exit`. Sets out and err.
function(blog expected_exit)
  execute_process(COMMAND ${BLOG_MIGRATE} ${ARGN} WORKING_DIRECTORY ${WORK_DIR}
                  RESULT_VARIABLE code OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  string(REPLACE ";" " " shown "${ARGN}")
  message(STATUS "$ blog_migrate ${shown}\n${stdout}${stderr}")
  if(NOT code EQUAL expected_exit)
    message(FATAL_ERROR "blog_migrate ${shown}: exit ${code}, expected ${expected_exit}")
  endif()
  set(out "${stdout}" PARENT_SCOPE)
  set(err "${stderr}" PARENT_SCOPE)
endfunction()

function(expect_equal what actual expected)
  if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "${what}:\n--- got\n${actual}\n--- expected\n${expected}")
  endif()
endfunction()

function(expect_contains what text part)
  string(FIND "${text}" "${part}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what}: no \"${part}\" in:\n${text}")
  endif()
endfunction()

blog(0 history)
expect_equal("history" "${out}"
             "*  0002_add_published (head): add published\n*  0001_init: create users and posts\n")
blog(0 check)
expect_equal("check" "${out}" "no differences: the migrations hold the models\n")
blog(0 --help)
# Only the commands that read the database open it: nothing so far created blog.db.
if(NOT postgres AND EXISTS ${WORK_DIR}/blog.db)
  message(FATAL_ERROR "history, check or --help created ${WORK_DIR}/blog.db")
endif()

# --verbose: each statement before it runs, parameters bound.
blog(0 --verbose upgrade 0001)
if(postgres)
  expect_contains("upgrade --verbose" "${out}" "  CREATE TABLE \"public\".\"users\" (\n")
else()
  expect_contains("upgrade --verbose" "${out}" "  CREATE TABLE \"users\" (\n")
endif()
expect_contains("upgrade --verbose" "${out}"
                "\"tempest_db_migrations\" (\"revision\", \"label\"")
expect_contains("upgrade --verbose" "${out}" "VALUES ('0001_init', 'create users and posts', '")
expect_contains("upgrade --verbose" "${out}" "  -- commit\napplied 0001_init (create users and posts) in ")
if(postgres)
  expect_contains("upgrade --verbose" "${out}" "  SELECT pg_advisory_lock(")
  expect_contains("upgrade --verbose" "${out}" "  SELECT pg_advisory_unlock(")
endif()
blog(0 current)
expect_equal("current" "${out}" "0001_init\n")

blog(1 drift)
expect_contains("drift" "${out}" "hint: migrations are pending: run `upgrade` first\n")

# --quiet: nothing but errors and results.
blog(0 --quiet upgrade)
expect_equal("upgrade --quiet" "${out}${err}" "")
blog(0 drift)
expect_equal("drift" "${out}" "no drift: the database matches the models\n")
blog(0 history --verbose)
expect_contains("history --verbose" "${out}" "*  0002_add_published (head): add published\n|    applied ")
expect_contains("history --verbose" "${out}" "*  0001_init: create users and posts\n     applied ")

blog(0 downgrade 1)
expect_contains("downgrade 1" "${out}" "reverted 0002_add_published (add published) in ")
blog(0 history --verbose -r 0002:)
expect_equal("history --verbose -r 0002:" "${out}"
             "*  0002_add_published (head): add published\n     not applied\n     add column posts.published boolean NOT NULL DEFAULT false\n")

# Mistakes: one line on stderr that says what to do.
blog(2 upgrade nosuch)
expect_equal("upgrade nosuch" "${out}" "")
expect_equal("upgrade nosuch" "${err}"
             "error: unknown revision \"nosuch\": run `history` to list the revisions\n")
blog(2 downgrade)
expect_equal("downgrade" "${err}"
             "error: TARGET is required (see `downgrade --help`)\n")

blog(0 upgrade)
expect_contains("upgrade" "${out}" "applied 0002_add_published (add published) in ")
blog(0 current)
expect_equal("current" "${out}" "0002_add_published (head)\n")
