#include <libpq-fe.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dialect/postgres/libpq_library.hpp"
#include "tempest/error.hpp"
#include "tempest/postgres.hpp"

namespace tempest {

namespace {

using postgres::libpq;

// Owns a PGresult for the length of one call.
struct ResultDeleter {
  void operator()(PGresult* result) const { libpq().clear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string field(const PGresult* result, int code) {
  const char* text = libpq().result_error_field(result, code);
  return text == nullptr ? std::string() : std::string(text);
}

// libpq ends its messages with a newline.
std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

void replace_all(std::string& text, const std::string& secret) {
  if (secret.empty()) return;
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + 8)) {
    text.replace(at, secret.size(), "********");
  }
}

// The password as written in `url`, for redaction when libpq cannot parse the string (its
// message may then quote part of it): the text between "user:" and "@" of a URL, and the
// value of password= in a query string or keyword/value string.
std::vector<std::string> written_passwords(const std::string& url) {
  std::vector<std::string> found;
  std::size_t scheme = url.find("://");
  if (scheme != std::string::npos) {
    std::size_t start = scheme + 3;
    std::size_t at = url.find('@', start);
    std::size_t colon = url.find(':', start);
    if (at != std::string::npos && colon != std::string::npos && colon < at) {
      found.push_back(url.substr(colon + 1, at - colon - 1));
    }
  }
  for (std::size_t key = url.find("password"); key != std::string::npos;
       key = url.find("password", key + 1)) {
    std::size_t start = url.find_first_not_of(' ', key + 8);
    if (start == std::string::npos || url[start] != '=') continue;
    start = url.find_first_not_of(' ', start + 1);
    if (start == std::string::npos) break;
    std::size_t end = url.find_first_of(" &", start);
    found.push_back(url.substr(start, end == std::string::npos ? std::string::npos : end - start));
  }
  return found;
}

// Every password `url` may carry, as libpq parsed it and as it was written.
std::vector<std::string> passwords_in(const std::string& url) {
  std::vector<std::string> secrets;
  char* error = nullptr;
  if (PQconninfoOption* options = libpq().conninfo_parse(url.c_str(), &error)) {
    for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
      if (std::string(option->keyword) == "password" && option->val != nullptr) {
        secrets.emplace_back(option->val);
      }
    }
    libpq().conninfo_free(options);
  }
  if (error != nullptr) libpq().freemem(error);
  for (std::string& secret : written_passwords(url)) secrets.push_back(std::move(secret));
  return secrets;
}

void ignore_notice(void*, const char*) {}

// Whether the server reported `setting` (one it reports on connecting and on every change)
// as `value`.
bool reported(PGconn* conn, const char* setting, std::string_view value) {
  const char* current = libpq().parameter_status(conn, setting);
  return current != nullptr && value == current;
}

}  // namespace

std::unique_ptr<PostgresDriver> PostgresDriver::connect(const std::string& url) {
  // The session settings the driver relies on travel in the startup packet rather than as
  // statements after it, which would cost a round trip each. Listed before the URL, they give
  // way to settings the URL makes itself (https://www.postgresql.org/docs/15/libpq-connect.html,
  // PQconnectdbParams); what the server then reports is checked below.
  const char* const keywords[] = {"client_encoding", "options", "dbname", nullptr};
  const char* const values[] = {"UTF8",
                                "-c client_min_messages=warning -c standard_conforming_strings=on",
                                url.c_str(), nullptr};
  // The first connection of the process loads libpq (libpq_library.hpp says why so late).
  PGconn* conn = libpq().connectdb_params(keywords, values, 1);
  if (conn == nullptr) {
    throw DatabaseError("postgresql: cannot connect: out of memory", "08001", "");
  }
  if (libpq().status(conn) != CONNECTION_OK) {
    // The URL itself is never quoted: it may hold a password.
    std::string message = trimmed(libpq().error_message(conn));
    libpq().finish(conn);
    for (const std::string& secret : passwords_in(url)) replace_all(message, secret);
    throw DatabaseError("postgresql: cannot connect: " + message, "08001", "");
  }
  libpq().set_notice_processor(conn, ignore_notice, nullptr);
  std::unique_ptr<PostgresDriver> driver(new PostgresDriver(conn));
  // The client side speaks UTF-8 whatever the server's encoding, so that non-ASCII names
  // round-trip byte for byte.
  if (!reported(conn, "client_encoding", "UTF8")) libpq().set_client_encoding(conn, "UTF8");
  // Rendered literals double their quotes and leave backslashes alone, which is only right
  // with standard_conforming_strings on (the default since PostgreSQL 9.1; a server, role or
  // the URL's options may still turn it off).
  if (!reported(conn, "standard_conforming_strings", "on")) {
    driver->execute("SET standard_conforming_strings = on");
  }
  return driver;
}

PostgresDriver::~PostgresDriver() { libpq().finish(conn_); }

namespace {

[[noreturn]] void throw_error(PGconn* conn, const PGresult* result, std::string_view sql) {
  std::string message;
  std::string code;
  if (result != nullptr && libpq().result_status(result) == PGRES_FATAL_ERROR) {
    message = field(result, PG_DIAG_MESSAGE_PRIMARY);
    code = field(result, PG_DIAG_SQLSTATE);
    std::string detail = field(result, PG_DIAG_MESSAGE_DETAIL);
    std::string hint = field(result, PG_DIAG_MESSAGE_HINT);
    if (!detail.empty()) message += "; detail: " + detail;
    if (!hint.empty()) message += "; hint: " + hint;
  }
  if (message.empty()) message = trimmed(libpq().error_message(conn));
  if (message.empty() && result != nullptr) {
    // COPY ... FROM STDIN and the like: a result the driver has no data channel for.
    message = std::string("unexpected result ") + libpq().res_status(libpq().result_status(result));
  }
  if (code.empty() && libpq().status(conn) == CONNECTION_BAD) code = "08006";  // connection failure
  throw DatabaseError("postgresql: " + message + " in statement: " + std::string(sql), code,
                      std::string(sql));
}

Result run(PGconn* conn, std::string_view sql) {
  Result result(libpq().exec(conn, std::string(sql).c_str()));
  ExecStatusType status = result ? libpq().result_status(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY) {
    throw_error(conn, result.get(), sql);
  }
  return result;
}

}  // namespace

void PostgresDriver::execute(std::string_view sql) { (void)run(conn_, sql); }

QueryResult PostgresDriver::query(std::string_view sql, const std::vector<SqlValue>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const SqlValue& param : params) values.push_back(param ? param->c_str() : nullptr);
  const std::string text(sql);
  const postgres::LibpqLibrary& pq = libpq();
  Result result(pq.exec_params(conn_, text.c_str(), static_cast<int>(values.size()), nullptr,
                               values.data(), nullptr, nullptr, 0));
  ExecStatusType status = result ? pq.result_status(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    throw_error(conn_, result.get(), sql);
  }
  QueryResult out;
  const int columns = pq.nfields(result.get());
  const int rows = pq.ntuples(result.get());
  out.columns.reserve(static_cast<std::size_t>(columns));
  for (int c = 0; c < columns; ++c) out.columns.emplace_back(pq.fname(result.get(), c));
  out.rows.reserve(static_cast<std::size_t>(rows));
  for (int r = 0; r < rows; ++r) {
    std::vector<SqlValue>& row = out.rows.emplace_back();
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      if (pq.getisnull(result.get(), r, c)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(pq.getvalue(result.get(), r, c),
                                     static_cast<std::size_t>(pq.getlength(result.get(), r, c))));
      }
    }
  }
  return out;
}

void PostgresDriver::begin() { execute("BEGIN"); }

void PostgresDriver::commit() {
  // COMMIT of a transaction aborted by an earlier error succeeds as a ROLLBACK: report it, or
  // the caller would believe its changes were saved.
  Result result = run(conn_, "COMMIT");
  if (std::string_view(libpq().cmd_status(result.get())) == "ROLLBACK") {
    throw DatabaseError(
        "postgresql: the transaction was aborted by an earlier error and has been rolled back "
        "in statement: COMMIT",
        "25P02", "COMMIT");
  }
}

void PostgresDriver::rollback() { execute("ROLLBACK"); }

bool PostgresDriver::in_transaction() const {
  PGTransactionStatusType status = libpq().transaction_status(conn_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

}  // namespace tempest
