#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "dialect/sqlite/result_code.hpp"
#include "tempest/error.hpp"
#include "tempest/sqlite.hpp"

namespace tempest {
namespace {

// A database file of its own for the test, removed afterwards.
class TempDatabaseFile {
 public:
  TempDatabaseFile() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("tempest_driver_" + std::to_string(::getpid()) + "_" + info->name() + ".db");
    remove();
  }
  ~TempDatabaseFile() { remove(); }
  [[nodiscard]] std::string path() const { return path_.string(); }

 private:
  void remove() {
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }
  std::filesystem::path path_;
};

DatabaseError error_of(auto&& action) {
  try {
    action();
  } catch (const DatabaseError& e) {
    return e;
  }
  ADD_FAILURE() << "no DatabaseError was thrown";
  return DatabaseError("", "", "");
}

TEST(SqliteDriver, ExecutesAScriptOfSeveralStatements) {
  auto db = SqliteDriver::open(":memory:");
  db->execute(R"(
    -- a comment before the first statement
    CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT);
    /* a block comment; with a semicolon */
    INSERT INTO t (name) VALUES ('a;b');
    INSERT INTO t (name) VALUES ('c');
    SELECT 1;   -- rows of a SELECT in a script are discarded
  )");
  QueryResult result = db->query("SELECT id, name FROM t ORDER BY id");
  EXPECT_EQ(result.columns, (std::vector<std::string>{"id", "name"}));
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0], (std::vector<SqlValue>{"1", "a;b"}));
  EXPECT_EQ(result.rows[1], (std::vector<SqlValue>{"2", "c"}));
}

TEST(SqliteDriver, EmptyScriptIsANoOp) {
  auto db = SqliteDriver::open(":memory:");
  db->execute("");
  db->execute("  -- nothing\n ; ");
  EXPECT_EQ(db->query("SELECT count(*) FROM sqlite_schema").rows[0][0], "0");
}

TEST(SqliteDriver, QueryBindsTextAndNullParameters) {
  auto db = SqliteDriver::open(":memory:");
  db->execute("CREATE TABLE t (n INTEGER, s TEXT, r REAL)");
  (void)db->query("INSERT INTO t VALUES (?1, ?2, ?3)", {"42", "it's", std::nullopt});
  (void)db->query("INSERT INTO t VALUES (?1, ?2, ?3)", {"7", "", "2.5"});

  QueryResult result = db->query("SELECT n, s, r, typeof(n) FROM t WHERE n > ?1 ORDER BY n", {"0"});
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0], (std::vector<SqlValue>{"7", "", "2.5", "integer"}));
  // NULL comes back as nullopt, the empty string as "": they stay distinct.
  EXPECT_EQ(result.rows[1], (std::vector<SqlValue>{"42", "it's", std::nullopt, "integer"}));

  // A parameter used twice, and a NULL parameter compared with IS.
  result = db->query("SELECT ?1 || ?1, ?2 IS NULL", {"ab", std::nullopt});
  EXPECT_EQ(result.rows[0], (std::vector<SqlValue>{"abab", "1"}));
}

TEST(SqliteDriver, QueryKeepsBytesAfterANul) {
  auto db = SqliteDriver::open(":memory:");
  std::string value("a\0b", 3);
  QueryResult result = db->query("SELECT ?1, length(CAST(?1 AS BLOB))", {value});
  EXPECT_EQ(result.rows[0][0], value);
  EXPECT_EQ(result.rows[0][1], "3");
}

TEST(SqliteDriver, QueryWithoutRowsStillNamesColumns) {
  auto db = SqliteDriver::open(":memory:");
  QueryResult result = db->query("SELECT 1 AS one, 2 AS two WHERE 0");
  EXPECT_EQ(result.columns, (std::vector<std::string>{"one", "two"}));
  EXPECT_TRUE(result.rows.empty());
}

TEST(SqliteDriver, ErrorsCarryCodeMessageAndTheFailingStatement) {
  auto db = SqliteDriver::open(":memory:");
  db->execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  DatabaseError e = error_of([&] {
    db->execute(
        "INSERT INTO t VALUES (1); INSERT INTO missing VALUES (2); INSERT INTO t VALUES (3)");
  });
  EXPECT_EQ(e.code(), "SQLITE_ERROR");
  EXPECT_EQ(e.statement(), "INSERT INTO missing VALUES (2)");
  EXPECT_EQ(std::string(e.what()),
            "sqlite: no such table: missing (SQLITE_ERROR, extended code 1) in statement: "
            "INSERT INTO missing VALUES (2)");
  // The statements before the failing one ran, the ones after did not.
  EXPECT_EQ(db->query("SELECT group_concat(id) FROM t").rows[0][0], "1");
}

TEST(SqliteDriver, ConstraintErrorsHaveExtendedCodes) {
  auto db = SqliteDriver::open(":memory:");
  db->execute(R"(
    CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE);
    CREATE TABLE child (parent_id INTEGER REFERENCES parent (id), n INTEGER NOT NULL CHECK (n > 0));
    INSERT INTO parent VALUES (1, 'a');
  )");
  EXPECT_EQ(error_of([&] { db->execute("INSERT INTO parent VALUES (2, 'a')"); }).code(),
            "SQLITE_CONSTRAINT_UNIQUE");
  EXPECT_EQ(error_of([&] { db->execute("INSERT INTO parent VALUES (1, 'b')"); }).code(),
            "SQLITE_CONSTRAINT_PRIMARYKEY");
  EXPECT_EQ(error_of([&] { db->execute("INSERT INTO child VALUES (1, NULL)"); }).code(),
            "SQLITE_CONSTRAINT_NOTNULL");
  EXPECT_EQ(error_of([&] { db->execute("INSERT INTO child VALUES (1, 0)"); }).code(),
            "SQLITE_CONSTRAINT_CHECK");
  DatabaseError fk = error_of([&] { db->execute("INSERT INTO child VALUES (9, 1)"); });
  EXPECT_EQ(fk.code(), "SQLITE_CONSTRAINT_FOREIGNKEY");
  EXPECT_EQ(std::string(fk.what()),
            "sqlite: FOREIGN KEY constraint failed (SQLITE_CONSTRAINT_FOREIGNKEY, extended code "
            "787) in statement: INSERT INTO child VALUES (9, 1)");
}

TEST(SqliteDriver, ForeignKeysAreOnAfterOpen) {
  auto db = SqliteDriver::open(":memory:");
  EXPECT_EQ(db->query("PRAGMA foreign_keys").rows[0][0], "1");
}

TEST(SqliteDriver, WaitsFiveSecondsForLocks) {
  auto db = SqliteDriver::open(":memory:");
  EXPECT_EQ(db->query("PRAGMA busy_timeout").rows[0][0], "5000");
}

TEST(SqliteDriver, SyntaxErrorsNameTheStatement) {
  auto db = SqliteDriver::open(":memory:");
  DatabaseError e = error_of([&] { db->execute("CREATE TABLE (oops"); });
  EXPECT_EQ(e.code(), "SQLITE_ERROR");
  EXPECT_EQ(e.statement(), "CREATE TABLE (oops");
  EXPECT_NE(std::string(e.what()).find("syntax error"), std::string::npos) << e.what();
}

TEST(SqliteDriver, LongStatementsAreCutInTheMessageOnly) {
  auto db = SqliteDriver::open(":memory:");
  std::string sql = "SELECT * FROM missing WHERE x = '" + std::string(2000, 'x') + "'";
  DatabaseError e = error_of([&] { (void)db->query(sql); });
  EXPECT_EQ(e.statement(), sql);
  std::string message = e.what();
  EXPECT_LT(message.size(), 700u);
  EXPECT_EQ(message.substr(message.size() - 3), "...");
}

TEST(SqliteDriver, QueryRejectsWrongParameterCountAndSeveralStatements) {
  auto db = SqliteDriver::open(":memory:");
  DatabaseError e = error_of([&] { (void)db->query("SELECT ?1, ?2", {"a"}); });
  EXPECT_EQ(e.code(), "SQLITE_RANGE");
  EXPECT_EQ(std::string(e.what()),
            "sqlite: statement has 2 parameters, 1 given (SQLITE_RANGE, extended code 25) in "
            "statement: SELECT ?1, ?2");
  EXPECT_EQ(error_of([&] { (void)db->query("SELECT 1; SELECT 2"); }).code(), "SQLITE_MISUSE");
  EXPECT_EQ(error_of([&] { (void)db->query("  "); }).code(), "SQLITE_MISUSE");
  // A trailing semicolon or comment is not a second statement.
  EXPECT_EQ(db->query("SELECT 1; -- done").rows[0][0], "1");
}

TEST(SqliteDriver, OpenFailureNamesThePath) {
  std::string path = "/nonexistent-tempest-dir/sub/db.sqlite";
  DatabaseError e = error_of([&] { (void)SqliteDriver::open(path); });
  EXPECT_EQ(e.code(), "SQLITE_CANTOPEN");
  EXPECT_EQ(std::string(e.what()),
            "sqlite: cannot open database \"" + path +
                "\": unable to open database file (SQLITE_CANTOPEN, extended code 14)");
}

TEST(SqliteDriver, TransactionRollsBackWhenLeftWithoutCommit) {
  auto db = SqliteDriver::open(":memory:");
  db->execute("CREATE TABLE t (id INTEGER)");
  {
    Transaction tx(*db);
    EXPECT_TRUE(db->in_transaction());
    db->execute("INSERT INTO t VALUES (1)");
    db->execute("CREATE TABLE u (id INTEGER)");  // DDL is transactional in SQLite
  }
  EXPECT_FALSE(db->in_transaction());
  EXPECT_EQ(db->query("SELECT count(*) FROM t").rows[0][0], "0");
  EXPECT_EQ(db->query("SELECT count(*) FROM sqlite_schema WHERE name = 'u'").rows[0][0], "0");
}

TEST(SqliteDriver, TransactionRollsBackWhenAnExceptionLeavesTheScope) {
  auto db = SqliteDriver::open(":memory:");
  db->execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
  EXPECT_THROW(
      {
        Transaction tx(*db);
        db->execute("INSERT INTO t VALUES (1)");
        db->execute("INSERT INTO t VALUES (1)");  // primary key violation
        tx.commit();
      },
      DatabaseError);
  EXPECT_FALSE(db->in_transaction());
  EXPECT_EQ(db->query("SELECT count(*) FROM t").rows[0][0], "0");
}

TEST(SqliteDriver, TransactionCommits) {
  auto db = SqliteDriver::open(":memory:");
  db->execute("CREATE TABLE t (id INTEGER)");
  {
    Transaction tx(*db);
    db->execute("INSERT INTO t VALUES (1)");
    tx.commit();
    EXPECT_FALSE(db->in_transaction());
  }
  EXPECT_EQ(db->query("SELECT count(*) FROM t").rows[0][0], "1");
}

TEST(SqliteDriver, RollbackOutsideATransactionIsANoOp) {
  auto db = SqliteDriver::open(":memory:");
  EXPECT_FALSE(db->in_transaction());
  db->rollback();
  EXPECT_FALSE(db->in_transaction());
}

TEST(SqliteDriver, BeginTakesTheWriteLockAtOnce) {
  TempDatabaseFile file;
  auto first = SqliteDriver::open(file.path());
  auto second = SqliteDriver::open(file.path());
  first->execute("CREATE TABLE t (id INTEGER)");
  second->execute("PRAGMA busy_timeout = 0");  // fail at once instead of waiting 5 s

  first->begin();  // BEGIN IMMEDIATE: the RESERVED lock is taken before any write
  EXPECT_TRUE(first->in_transaction());
  DatabaseError e = error_of([&] { second->begin(); });
  EXPECT_EQ(e.code(), "SQLITE_BUSY");
  EXPECT_EQ(e.statement(), "BEGIN IMMEDIATE");
  EXPECT_FALSE(second->in_transaction());
  // Readers are not blocked.
  EXPECT_EQ(second->query("SELECT count(*) FROM t").rows[0][0], "0");
  first->commit();

  second->begin();
  second->execute("INSERT INTO t VALUES (1)");
  second->commit();
  EXPECT_EQ(first->query("SELECT count(*) FROM t").rows[0][0], "1");
}

TEST(SqliteDriver, FileDatabasesPersist) {
  TempDatabaseFile file;
  SqliteDriver::open(file.path())->execute("CREATE TABLE kept (id INTEGER)");
  auto db = SqliteDriver::open(file.path());
  EXPECT_EQ(db->query("SELECT name FROM sqlite_schema").rows[0][0], "kept");
  EXPECT_NE(db->handle(), nullptr);
}

TEST(SqliteResultCode, NamesExtendedAndPrimaryCodes) {
  EXPECT_EQ(sqlite_code_name(787), "SQLITE_CONSTRAINT_FOREIGNKEY");
  EXPECT_EQ(sqlite_code_name(2067), "SQLITE_CONSTRAINT_UNIQUE");
  EXPECT_EQ(sqlite_code_name(19), "SQLITE_CONSTRAINT");
  EXPECT_EQ(sqlite_code_name(5), "SQLITE_BUSY");
  EXPECT_EQ(sqlite_code_name(0), "SQLITE_OK");
  EXPECT_EQ(sqlite_code_name(99999), "SQLITE_99999");
}

}  // namespace
}  // namespace tempest
