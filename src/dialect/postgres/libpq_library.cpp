#include "dialect/postgres/libpq_library.hpp"

#include <dlfcn.h>

#include <string>

#include "tempest/error.hpp"

namespace tempest::postgres {

namespace {

// dlerror() names the library and, for a missing function, the symbol. It must be read before
// any other dl* call replaces it.
DatabaseError load_error(const char* soname, const std::string& fallback) {
  const char* reason = dlerror();
  return DatabaseError(std::string("postgresql: cannot load ") + soname + ": " +
                           (reason != nullptr ? std::string(reason) : fallback) +
                           "; PostgreSQL connections need libpq: install libpq5 (apt-get "
                           "install libpq5)",
                       "08001", "");
}

// `Function` is given as decltype(&::PQxxx) at the call, so that `slot` of any other type, or
// a name that is not libpq's, fails to compile.
template <typename Function>
void resolve(void* handle, const char* soname, const char* name, Function& slot) {
  void* address = dlsym(handle, name);
  if (address == nullptr) {
    DatabaseError error = load_error(soname, std::string("no function ") + name);
    // Nothing points into a library that lacks a function yet: close it again.
    dlclose(handle);
    throw error;
  }
  // POSIX guarantees that dlsym's object pointer converts to the function's pointer type.
  slot = reinterpret_cast<Function>(address);
}

}  // namespace

LibpqLibrary load_libpq(const char* soname) {
  // RTLD_NOW: libpq's own references into its dependencies are bound here, so that a broken
  // installation fails now rather than in the middle of a migration. RTLD_LOCAL: its symbols
  // stay out of the way of the program's own.
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) throw load_error(soname, "not found");
  LibpqLibrary library{};
#define TEMPEST_RESOLVE(member, symbol) \
  resolve<decltype(&::symbol)>(handle, soname, #symbol, library.member)
  TEMPEST_RESOLVE(connectdb_params, PQconnectdbParams);
  TEMPEST_RESOLVE(parameter_status, PQparameterStatus);
  TEMPEST_RESOLVE(status, PQstatus);
  TEMPEST_RESOLVE(error_message, PQerrorMessage);
  TEMPEST_RESOLVE(finish, PQfinish);
  TEMPEST_RESOLVE(set_notice_processor, PQsetNoticeProcessor);
  TEMPEST_RESOLVE(set_client_encoding, PQsetClientEncoding);
  TEMPEST_RESOLVE(transaction_status, PQtransactionStatus);
  TEMPEST_RESOLVE(conninfo_parse, PQconninfoParse);
  TEMPEST_RESOLVE(conninfo_free, PQconninfoFree);
  TEMPEST_RESOLVE(freemem, PQfreemem);
  TEMPEST_RESOLVE(exec, PQexec);
  TEMPEST_RESOLVE(exec_params, PQexecParams);
  TEMPEST_RESOLVE(clear, PQclear);
  TEMPEST_RESOLVE(result_status, PQresultStatus);
  TEMPEST_RESOLVE(res_status, PQresStatus);
  TEMPEST_RESOLVE(result_error_field, PQresultErrorField);
  TEMPEST_RESOLVE(cmd_status, PQcmdStatus);
  TEMPEST_RESOLVE(ntuples, PQntuples);
  TEMPEST_RESOLVE(nfields, PQnfields);
  TEMPEST_RESOLVE(fname, PQfname);
  TEMPEST_RESOLVE(getisnull, PQgetisnull);
  TEMPEST_RESOLVE(getvalue, PQgetvalue);
  TEMPEST_RESOLVE(getlength, PQgetlength);
#undef TEMPEST_RESOLVE
  return library;
}

const LibpqLibrary& libpq() {
  // A function-local static: initialised once even when threads connect at the same time, and
  // initialised again by the next call if loading threw.
  static const LibpqLibrary library = load_libpq(kLibpqSoname);
  return library;
}

}  // namespace tempest::postgres
