# The Debian package (`cpack -G DEB` in a build tree, or scripts/package.sh): the binary in /usr/bin,
# the YAML in /etc/lacuna (conffiles, with the data in /var/lib/lacuna and the pages' files in
# /usr/share/lacuna/web), the templates and static files, a hardened systemd unit whose secrets come
# from /etc/lacuna/lacuna.env, and maintainer scripts that make the `lacuna` system user.
# Included by the top-level CMakeLists.txt; the package test is tests/package_test.sh.

set(LACUNA_ETC /etc/lacuna)
set(LACUNA_SHARE share/lacuna)  # under CPACK_PACKAGING_INSTALL_PREFIX, /usr
set(LACUNA_DEBIAN ${CMAKE_CURRENT_LIST_DIR})
set(LACUNA_CONFIG_SOURCE ${PROJECT_SOURCE_DIR}/config)

# The installed lacuna.yaml is the shipped one with two paths made absolute; a line that is no longer
# there stops the configuration rather than shipping a package that looks for ./data.
function(lacuna_replace_line text from to out)
  string(FIND "${text}" "${from}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "config/lacuna.yaml no longer holds the line '${from}' that the package rewrites")
  endif()
  string(REPLACE "${from}" "${to}" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${LACUNA_CONFIG_SOURCE}/lacuna.yaml)
file(READ ${LACUNA_CONFIG_SOURCE}/lacuna.yaml yaml)
lacuna_replace_line("${yaml}" "data_dir: data           # relative to the working directory"
                    "data_dir: /var/lib/lacuna   # the unit's StateDirectory" yaml)
lacuna_replace_line("${yaml}" "  # directory: /usr/share/lacuna/web   # templates/ and static/; the source tree's web/ by default"
                    "  directory: /usr/${LACUNA_SHARE}/web   # templates/ and static/" yaml)
file(WRITE ${PROJECT_BINARY_DIR}/package/lacuna.yaml "${yaml}")

install(TARGETS lacuna RUNTIME DESTINATION bin)
install(FILES ${PROJECT_BINARY_DIR}/package/lacuna.yaml DESTINATION ${LACUNA_ETC})
file(GLOB lacuna_yaml RELATIVE ${LACUNA_CONFIG_SOURCE} ${LACUNA_CONFIG_SOURCE}/*.yaml
     ${LACUNA_CONFIG_SOURCE}/workflows/*.yaml)
list(REMOVE_ITEM lacuna_yaml lacuna.yaml)
set(lacuna_conffiles ${LACUNA_ETC}/lacuna.yaml ${LACUNA_ETC}/lacuna.env)
foreach(file IN LISTS lacuna_yaml)
  get_filename_component(dir ${file} DIRECTORY)
  install(FILES ${LACUNA_CONFIG_SOURCE}/${file} DESTINATION ${LACUNA_ETC}/${dir})
  list(APPEND lacuna_conffiles ${LACUNA_ETC}/${file})
endforeach()
install(FILES ${LACUNA_DEBIAN}/lacuna.env DESTINATION ${LACUNA_ETC}
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/web/templates ${PROJECT_SOURCE_DIR}/web/static
        DESTINATION ${LACUNA_SHARE}/web)
install(FILES ${LACUNA_DEBIAN}/lacuna.service DESTINATION /lib/systemd/system)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${LACUNA_DEBIAN}/copyright DESTINATION share/doc/lacuna
       )
install(DIRECTORY ${LACUNA_CONFIG_SOURCE}/nginx DESTINATION share/doc/lacuna/examples)

list(JOIN lacuna_conffiles "\n" conffiles)
file(WRITE ${PROJECT_BINARY_DIR}/package/conffiles "${conffiles}\n")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME lacuna)
set(CPACK_PACKAGE_VENDOR "Lacuna")
set(CPACK_PACKAGE_CONTACT "Lacuna maintainers <lacuna@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "legislative gap tracker of the metropolitan municipalities")
set(CPACK_PACKAGE_DESCRIPTION
    "Lacuna records the legal gaps the municipalities' legal departments meet, the amendments they draft, \
the joint legal committee's decisions, and the bills that follow them through the Majlis. HTTP API and \
Persian web pages; embedded SQLite or MariaDB store.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "mariadb-server, nginx")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_BINARY_DIR}/package/conffiles ${LACUNA_DEBIAN}/postinst ${LACUNA_DEBIAN}/prerm
    ${LACUNA_DEBIAN}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
# cpack packages what is built (scripts/package.sh builds `lacuna` first) instead of building everything.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)
include(CPack)
