# Writes a C++ source that holds the numbered migration files of one dialect as string literals,
# so the binary carries its schema.
# Usage: embed_migrations(<dir> <output.cpp> <function name> <file> ...), files in order.
function(embed_migrations dir output function)
  set(body "")
  foreach(name IN LISTS ARGN)
    set(file "${dir}/${name}")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${file}")
    string(REGEX MATCH "^[0-9]+" number "${name}")
    string(REGEX REPLACE "^0+([0-9])" "\\1" number "${number}")  # 008 is no octal literal
    file(READ "${file}" sql)
    string(APPEND body "        {${number}, \"${name}\", R\"lacuna_sql(${sql})lacuna_sql\"},\n")
  endforeach()
  file(WRITE "${output}.tmp"
"// Generated from ${dir} by storage/EmbedMigrations.cmake; do not edit.\n#include \"Migration.h\"\n\nnamespace lacuna {\n\nconst std::vector<Migration>& ${function}() {\n    static const std::vector<Migration> MIGRATIONS = {\n${body}    };\n    return MIGRATIONS;\n}\n\n}  // namespace lacuna\n")
  configure_file("${output}.tmp" "${output}" COPYONLY)
endfunction()
