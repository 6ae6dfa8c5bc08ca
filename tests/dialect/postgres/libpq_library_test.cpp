// libpq is opened with dlopen by the first PostgreSQL connection; a missing or wrong library
// is reported as a failed connection that names the library and the package to install.

#include "dialect/postgres/libpq_library.hpp"

#include <dlfcn.h>
#include <gtest/gtest.h>

#include <string>

#include "support/loaded_objects.hpp"
#include "support/pg_cluster.hpp"
#include "tempest/error.hpp"

namespace tempest::testing {
namespace {

constexpr const char* kFix =
    "; PostgreSQL connections need libpq: install libpq5 (apt-get install libpq5)";

TEST(LibpqLibrary, ConnectLoadsLibpq) {
  auto driver = PostgresDriver::connect(postgres_url());
  EXPECT_TRUE(object_loaded("libpq.so.5"));
  EXPECT_EQ(driver->query("SELECT 6 * 7").rows.at(0).at(0), "42");
  // RTLD_NOLOAD finds the library only if it is already open, and it is the one the driver
  // calls into.
  void* handle = dlopen("libpq.so.5", RTLD_NOW | RTLD_NOLOAD);
  ASSERT_NE(handle, nullptr);
  EXPECT_EQ(dlsym(handle, "PQexec"), reinterpret_cast<void*>(postgres::libpq().exec));
  dlclose(handle);  // drops the reference NOLOAD took; the driver's stays
}

TEST(LibpqLibrary, MissingLibraryNamesItAndThePackage) {
  try {
    (void)postgres::load_libpq("libtempest-absent.so.5");
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.code(), "08001");  // as any connection that cannot be established
    EXPECT_EQ(e.statement(), "");
    EXPECT_EQ(std::string(e.what()),
              std::string("postgresql: cannot load libtempest-absent.so.5: libtempest-absent.so.5: "
                          "cannot open shared object file: No such file or directory") +
                  kFix);
  }
}

TEST(LibpqLibrary, LibraryWithoutLibpqFunctionsIsRefused) {
  // libsqlite3 is a real shared library, just not libpq: the first function looked up fails.
  try {
    (void)postgres::load_libpq("libsqlite3.so.0");
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.code(), "08001");
    EXPECT_EQ(message.rfind("postgresql: cannot load libsqlite3.so.0: ", 0), 0u) << message;
    EXPECT_NE(message.find("libsqlite3.so.0: undefined symbol: PQconnectdbParams" + std::string(kFix)),
              std::string::npos)
        << message;
  }
}

}  // namespace
}  // namespace tempest::testing
