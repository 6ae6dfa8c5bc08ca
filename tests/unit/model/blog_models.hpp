#pragma once

// The blog models of the workflow (User, Post) with every declaration option in use.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "tempest/model.hpp"

namespace blog {

enum class PostStatus { Draft, Published, Archived };

struct User {
  std::int64_t id;
  std::string email;
  std::optional<std::string> name;
  std::chrono::sys_seconds created_at;
};

struct Post {
  std::int64_t id;
  std::int64_t user_id;
  std::optional<std::int64_t> parent_id;
  std::string title;
  tempest::Decimal price;
  PostStatus status;
  bool published;
  std::optional<tempest::Json> meta;
};

struct Tag {
  std::int64_t post_id;
  std::string label;
};

}  // namespace blog

template <>
struct tempest::EnumTraits<blog::PostStatus> {
  static constexpr std::string_view name = "post_status";
  static constexpr std::array<std::string_view, 3> labels{"draft", "published", "archived"};
};

namespace blog {

inline auto user_model() {
  using namespace tempest::model;
  return table<User>("users", column("id", &User::id).primary_key().identity(),
                     column("email", &User::email).type(varchar(255)).unique(),
                     column("name", &User::name).comment("display name"),
                     column("created_at", &User::created_at).default_sql("CURRENT_TIMESTAMP"))
      .comment("people who write");
}

inline auto post_model() {
  using namespace tempest::model;
  return table<Post>(
             "posts", column("id", &Post::id).primary_key().autoincrement(),
             column("user_id", &Post::user_id)
                 .references(&User::id)
                 .on_delete(tempest::ForeignKeyAction::Cascade),
             column("parent_id", &Post::parent_id)
                 .references(&Post::id)
                 .on_delete(tempest::ForeignKeyAction::SetNull)
                 .deferrable(),
             column("title", &Post::title).index().check("length(title) > 0"),
             column("price", &Post::price).type(numeric(10, 2)).default_value(0),
             column("status", &Post::status).default_value(PostStatus::Draft),
             column("published", &Post::published).default_value(false),
             column("meta", &Post::meta))
      .index(index(&Post::user_id, desc(&Post::id)).where("published"))
      .index(index(expr("lower(title)")).unique().name("ux_posts_lower_title"));
}

inline auto tag_model() {
  using namespace tempest::model;
  return table<Tag>("tags", column("post_id", &Tag::post_id).references(&Post::id),
                    column("label", &Tag::label))
      .primary_key(&Tag::post_id, &Tag::label)
      .check("ck_tags_label", "label <> ''");
}

}  // namespace blog
