#include <gtest/gtest.h>

#include "support/pg_cluster.hpp"
#include "tempest/error.hpp"
#include "tempest/postgres.hpp"

namespace tempest::testing {
namespace {

TEST(PostgresDriver, QueryBindsTextParametersAndReturnsNulls) {
  TempPgDatabase db;
  auto& driver = db.driver();
  driver.execute(
      "CREATE TABLE t (id integer, name text); INSERT INTO t VALUES (1, 'a'), (2, NULL)");
  QueryResult result =
      driver.query("SELECT id, name FROM t WHERE id >= $1 AND $2::text IS NULL ORDER BY id",
                   {SqlValue("1"), std::nullopt});
  ASSERT_EQ(result.columns, (std::vector<std::string>{"id", "name"}));
  ASSERT_EQ(result.rows.size(), 2u);
  EXPECT_EQ(result.rows[0], (std::vector<SqlValue>{"1", "a"}));
  EXPECT_EQ(result.rows[1], (std::vector<SqlValue>{"2", std::nullopt}));
}

TEST(PostgresDriver, ParametersAreNeverParsedAsSql) {
  TempPgDatabase db;
  auto& driver = db.driver();
  driver.execute("CREATE TABLE t (name text)");
  const std::string hostile = "x'); DROP TABLE t; --";
  (void)driver.query("INSERT INTO t VALUES ($1)", {hostile});
  QueryResult result = driver.query("SELECT name FROM t");
  ASSERT_EQ(result.rows.size(), 1u);
  EXPECT_EQ(result.rows[0][0], hostile);
}

TEST(PostgresDriver, NonAsciiTextRoundTripsByteForByte) {
  TempPgDatabase db;
  QueryResult result = db.driver().query("SELECT $1::text", {SqlValue("ключ sélect 🐘")});
  EXPECT_EQ(result.rows.at(0).at(0), "ключ sélect 🐘");
}

TEST(PostgresDriver, ExecuteRunsSeveralStatements) {
  TempPgDatabase db;
  db.driver().execute("CREATE TABLE a (x int); CREATE TABLE b (y int); INSERT INTO a VALUES (7)");
  EXPECT_EQ(db.driver().query("SELECT x FROM a").rows.at(0).at(0), "7");
}

TEST(PostgresDriver, ErrorsCarrySqlstateMessageAndStatement) {
  TempPgDatabase db;
  auto& driver = db.driver();
  try {
    driver.execute("SELECT * FROM missing_table");
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.code(), "42P01");  // undefined_table
    EXPECT_EQ(e.statement(), "SELECT * FROM missing_table");
    EXPECT_EQ(std::string(e.what()),
              "postgresql: relation \"missing_table\" does not exist in statement: SELECT * FROM "
              "missing_table");
  }
  driver.execute("CREATE TABLE u (id int PRIMARY KEY)");
  driver.execute("INSERT INTO u VALUES (1)");
  try {
    (void)driver.query("INSERT INTO u VALUES ($1)", {SqlValue("1")});
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.code(), "23505");  // unique_violation
    EXPECT_EQ(std::string(e.what()),
              "postgresql: duplicate key value violates unique constraint \"u_pkey\"; detail: "
              "Key (id)=(1) already exists. in statement: INSERT INTO u VALUES ($1)");
  }
  EXPECT_THROW((void)driver.query("SELEC 1"), DatabaseError);
  try {
    (void)driver.query("SELEC 1");
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.code(), "42601");  // syntax_error
  }
}

TEST(PostgresDriver, RollbackUndoesDdlAndData) {
  TempPgDatabase db;
  auto& driver = db.driver();
  EXPECT_FALSE(driver.in_transaction());
  {
    Transaction transaction(driver);
    EXPECT_TRUE(driver.in_transaction());
    driver.execute("CREATE TABLE t (id int)");
    driver.execute("INSERT INTO t VALUES (1)");
  }  // no commit: rolled back
  EXPECT_FALSE(driver.in_transaction());
  EXPECT_TRUE(driver.query("SELECT 1 FROM pg_class WHERE relname = 't'").rows.empty());
  {
    Transaction transaction(driver);
    driver.execute("CREATE TABLE t (id int)");
    transaction.commit();
  }
  EXPECT_EQ(driver.query("SELECT count(*) FROM pg_class WHERE relname = 't'").rows[0][0], "1");
}

TEST(PostgresDriver, CommitOfAnAbortedTransactionThrows) {
  TempPgDatabase db;
  auto& driver = db.driver();
  driver.execute("CREATE TABLE t (id int)");
  driver.begin();
  driver.execute("INSERT INTO t VALUES (1)");
  EXPECT_THROW(driver.execute("SELECT * FROM missing_table"), DatabaseError);
  EXPECT_TRUE(driver.in_transaction());
  try {
    driver.commit();
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.code(), "25P02");
  }
  EXPECT_FALSE(driver.in_transaction());
  EXPECT_EQ(driver.query("SELECT count(*) FROM t").rows[0][0], "0");
}

TEST(PostgresDriver, ConnectFailureNamesTheProblemButNeverThePassword) {
  // A refused port (nothing listens on port 1) and a wrong password on the real server.
  const std::string secret = "s3cr3t-Pa55";
  for (const std::string& url :
       {"postgresql://postgres:" + secret + "@127.0.0.1:1/postgres?connect_timeout=5",
        "host=127.0.0.1 port=1 user=postgres password=" + secret + " connect_timeout=5",
        "postgresql://postgres:" + secret + "@127.0.0.1:1/postgres?bogus_option=1",
        "postgresql://postgres:" + secret + "%zz@127.0.0.1/postgres"}) {
    try {
      (void)PostgresDriver::connect(url);
      FAIL() << "expected DatabaseError";
    } catch (const DatabaseError& e) {
      std::string message = e.what();
      EXPECT_EQ(message.rfind("postgresql: cannot connect: ", 0), 0u) << message;
      EXPECT_EQ(message.find(secret), std::string::npos) << message;
      EXPECT_EQ(e.code(), "08001");
    }
  }
}

TEST(PostgresDriver, ConnectsWithAUrlAndReportsItsDialect) {
  auto driver = PostgresDriver::connect(postgres_url());
  EXPECT_EQ(driver->dialect(), DialectKind::Postgres);
  EXPECT_NE(driver->handle(), nullptr);
  // NOTICEs are silenced at connect.
  EXPECT_EQ(driver->query("SHOW client_min_messages").rows[0][0], "warning");
  EXPECT_EQ(driver->query("SHOW client_encoding").rows[0][0], "UTF8");
  EXPECT_EQ(driver->query("SHOW standard_conforming_strings").rows[0][0], "on");
}

// The session settings travel with the connection request, where the URL's own settings win;
// the two the driver depends on are then set again.
TEST(PostgresDriver, SettingsTheDriverNeedsSurviveTheUrlsOwn) {
  const std::string url = postgres_url();
  auto driver = PostgresDriver::connect(
      url + (url.find('?') == std::string::npos ? "?" : "&") +
      "client_encoding=LATIN1&options=-c%20standard_conforming_strings%3Doff%20-c%20"
      "application_name%3Dmine");
  EXPECT_EQ(driver->query("SHOW application_name").rows[0][0], "mine");
  EXPECT_EQ(driver->query("SHOW client_encoding").rows[0][0], "UTF8");
  EXPECT_EQ(driver->query("SHOW standard_conforming_strings").rows[0][0], "on");
  EXPECT_EQ(driver->query("SELECT 'a\\b'").rows[0][0], "a\\b");
}

}  // namespace
}  // namespace tempest::testing
