#pragma once

// libpq, opened at run time rather than linked: libpq.so.5 brings some twenty shared libraries
// with it (OpenSSL, Kerberos, LDAP, GnuTLS, SASL...), which every program would otherwise load
// at start-up, even one that only ever opens SQLite. libpq-fe.h still supplies the types,
// constants and each function's type, so nothing here restates a prototype.

#include <libpq-fe.h>

namespace tempest::postgres {

// The libpq functions PostgresDriver calls, named after them without the PQ prefix.
struct LibpqLibrary {
  decltype(&::PQconnectdbParams) connectdb_params;
  decltype(&::PQparameterStatus) parameter_status;
  decltype(&::PQstatus) status;
  decltype(&::PQerrorMessage) error_message;
  decltype(&::PQfinish) finish;
  decltype(&::PQsetNoticeProcessor) set_notice_processor;
  decltype(&::PQsetClientEncoding) set_client_encoding;
  decltype(&::PQtransactionStatus) transaction_status;
  decltype(&::PQconninfoParse) conninfo_parse;
  decltype(&::PQconninfoFree) conninfo_free;
  decltype(&::PQfreemem) freemem;
  decltype(&::PQexec) exec;
  decltype(&::PQexecParams) exec_params;
  decltype(&::PQclear) clear;
  decltype(&::PQresultStatus) result_status;
  decltype(&::PQresStatus) res_status;
  decltype(&::PQresultErrorField) result_error_field;
  decltype(&::PQcmdStatus) cmd_status;
  decltype(&::PQntuples) ntuples;
  decltype(&::PQnfields) nfields;
  decltype(&::PQfname) fname;
  decltype(&::PQgetisnull) getisnull;
  decltype(&::PQgetvalue) getvalue;
  decltype(&::PQgetlength) getlength;
};

// The soname libpq has had since PostgreSQL 8.0 (Debian and Ubuntu package libpq5).
inline constexpr const char* kLibpqSoname = "libpq.so.5";

// The process's libpq: dlopen(kLibpqSoname) on the first call, from any thread, and never
// closed, since drivers may live until exit. Throws DatabaseError (SQLSTATE 08001, as a failed
// connection) naming the library, the loader's message and the package to install when it
// cannot be loaded; the next call tries again.
[[nodiscard]] const LibpqLibrary& libpq();

// Opens `soname` and resolves every function of LibpqLibrary in it (libpq() is this with
// kLibpqSoname, once). Throws DatabaseError as libpq() does, after closing a library that lacks
// one of the functions; a library that has them all is never closed.
[[nodiscard]] LibpqLibrary load_libpq(const char* soname);

}  // namespace tempest::postgres
