#pragma once

#include <stdexcept>
#include <string>

namespace tempest {

// Root of every exception the library throws. The message always names the object at fault
// (model, table, column, revision, JSON path...), so it can be printed as it is.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A model, schema IR or serialized schema is invalid: fix the declaration or the input file.
class ModelError : public Error {
 public:
  using Error::Error;
};

// The migration history is unusable as given: cycle, missing parent, duplicate revision,
// several heads where one was required, or an operation that cannot be inverted.
class MigrationError : public Error {
 public:
  using Error::Error;
};

// The target dialect cannot express the requested operation.
class UnsupportedError : public Error {
 public:
  using Error::Error;
};

// The database engine refused a statement. Carries the engine's code (SQLSTATE or SQLite
// extended result code) and the statement that failed.
class DatabaseError : public Error {
 public:
  DatabaseError(const std::string& message, std::string code, std::string statement)
      : Error(message), code_(std::move(code)), statement_(std::move(statement)) {}

  [[nodiscard]] const std::string& code() const noexcept { return code_; }
  [[nodiscard]] const std::string& statement() const noexcept { return statement_; }

 private:
  std::string code_;
  std::string statement_;
};

}  // namespace tempest
