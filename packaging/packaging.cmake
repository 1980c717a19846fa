# Installing hallboard, and the Debian package: `cpack -G DEB` in a build
# directory (docs/deploy.md, "Building the package").
#
#   /usr/bin/hallboard
#   /usr/libexec/hallboard/hallboard-screen   run, render, plan; http(s) feeds
#   /usr/libexec/hallboard/hallboard-console  hallboard console … (the console)
#   /usr/share/hallboard/content/       the demo hall (hallboard run without --config)
#   /usr/share/hallboard/assets/        theme.conf
#   /usr/share/hallboard/schema/        the XSDs for editors
#   /etc/hallboard/player.xml           this screen's config (a conffile)
#   /lib/systemd/system/hallboard.service
#   /lib/systemd/system/hallboard-console.service   the console (not enabled until init)
#   /usr/share/doc/hallboard/           the documents, copyright, changelog, examples/
#   /usr/share/man/man1/hallboard.1.gz
#
# The programs find the demo and the theme relative to themselves
# (default_config_path in src/app/summary_command.cpp looks for
# <bindir>/../share/hallboard/content/player.xml and, for hallboard-screen,
# <libexecdir>/hallboard/../../share/...; load_theme takes
# ../assets/theme.conf beside that folder), and `hallboard` finds
# hallboard-screen at ../libexec/hallboard (HALLBOARD_SCREEN_FROM_BINDIR in
# CMakeLists.txt), so the layout above needs no absolute compile-time path.
#
# The package's prefix is /usr whatever CMAKE_INSTALL_PREFIX says, so any
# build directory makes the same .deb. The config and the unit have absolute
# places, as Debian wants them (units in /lib/systemd/system until Debian
# 13): to stage an install elsewhere use DESTDIR, not --prefix.

include(GNUInstallDirs)

set(HALLBOARD_DATA_DIR ${CMAKE_INSTALL_DATADIR}/hallboard)
set(HALLBOARD_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/hallboard)
set(HALLBOARD_CONFIG_DIR /etc/hallboard)
set(HALLBOARD_UNIT_DIR /lib/systemd/system)

install(TARGETS hallboard RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Started by /usr/bin/hallboard for run, render and plan (docs/cli.md).
install(TARGETS hallboard-screen RUNTIME DESTINATION ${HALLBOARD_SCREEN_DIR})
# Started by /usr/bin/hallboard for `hallboard console …` (docs/console.md).
install(TARGETS hallboard-console RUNTIME DESTINATION ${HALLBOARD_SCREEN_DIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION ${HALLBOARD_DATA_DIR}/content)
install(FILES ${PROJECT_SOURCE_DIR}/assets/theme.conf DESTINATION ${HALLBOARD_DATA_DIR}/assets)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/schema/ DESTINATION ${HALLBOARD_DATA_DIR}/schema)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/player.xml DESTINATION ${HALLBOARD_CONFIG_DIR})
install(FILES ${CMAKE_CURRENT_LIST_DIR}/hallboard.service ${CMAKE_CURRENT_LIST_DIR}/hallboard-console.service
        DESTINATION ${HALLBOARD_UNIT_DIR})

file(GLOB hallboard_docs ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${hallboard_docs} ${CMAKE_CURRENT_LIST_DIR}/debian/copyright
        DESTINATION ${HALLBOARD_DOC_DIR})
install(DIRECTORY ${CMAKE_CURRENT_LIST_DIR}/examples/ DESTINATION ${HALLBOARD_DOC_DIR}/examples)
# The screenshots console.md shows.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/console-screens/ DESTINATION ${HALLBOARD_DOC_DIR}/console-screens)

# --- CPack: the .deb ---------------------------------------------------------
set(HALLBOARD_DEB_MAINTAINER "hallboard developers <hallboard@localhost>"
    CACHE STRING "Maintainer field of the .deb")

set(CPACK_PACKAGE_NAME hallboard)
set(CPACK_PACKAGE_VENDOR "hallboard")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${HALLBOARD_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "lobby screen player for government service halls")
set(CPACK_PACKAGE_DESCRIPTION
    "hallboard shows the public disclosure display of a government service hall\n\
(zhengwu fuwu dating) on a lobby screen: service items, who is on duty at each\n\
window, pledges, commitments, results, statistics and notices, from XML feeds\n\
published by the admin office. It runs unattended on a mini PC, straight on\n\
KMS/DRM without a desktop (or under X11 or Wayland), keeps the last good feeds\n\
on disk, checks Ed25519 signatures, and is supervised by systemd with a\n\
watchdog. Includes a demo hall and an example /etc/hallboard/player.xml.")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_PACKAGE_NAME hallboard)
set(CPACK_DEBIAN_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # hallboard_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${HALLBOARD_DEB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# dpkg-shlibdeps (dpkg-dev) computes the libraries: SDL2, SDL2_ttf,
# SDL2_image, curl, ICU, pugixml, fontconfig, qrencode, libcrypto, libsystemd.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not linked, yet needed at run time: the CJK fonts hallboard draws with;
# fontconfig's cache; adduser for the system user; and what SDL opens with
# dlopen for the KMS/DRM screen (EGL, GLES 2 and Mesa's drivers); the
# voice's Mandarin data (libespeak-ng1 itself comes from dpkg-shlibdeps).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-noto-cjk, fontconfig, adduser, libegl1, libegl-mesa0, libgles2, libgl1-mesa-dri, espeak-ng-data")
# KMS/DRM needs no more; cage (which needs Xwayland) is the compositor of
# examples/wayland.conf.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage, xwayland")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_LIST_DIR}/debian/postinst
    ${CMAKE_CURRENT_LIST_DIR}/debian/prerm
    ${CMAKE_CURRENT_LIST_DIR}/debian/postrm
    ${CMAKE_CURRENT_LIST_DIR}/debian/conffiles)
# 0755 for the scripts, 0644 for the generated conffiles list.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)

# The Debian changelog, gzip -9n, dated from SOURCE_DATE_EPOCH when set.
string(TIMESTAMP HALLBOARD_DEB_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${CMAKE_CURRENT_LIST_DIR}/debian/changelog.in
               ${CMAKE_BINARY_DIR}/packaging/changelog.Debian @ONLY)
configure_file(${CMAKE_CURRENT_LIST_DIR}/hallboard.1 ${CMAKE_BINARY_DIR}/packaging/hallboard.1
               COPYONLY)
find_program(HALLBOARD_GZIP gzip)
if(HALLBOARD_GZIP)
  execute_process(COMMAND ${HALLBOARD_GZIP} -9nf ${CMAKE_BINARY_DIR}/packaging/changelog.Debian
                          ${CMAKE_BINARY_DIR}/packaging/hallboard.1)
  install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.Debian.gz DESTINATION ${HALLBOARD_DOC_DIR})
  install(FILES ${CMAKE_BINARY_DIR}/packaging/hallboard.1.gz
          DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
install(FILES ${CMAKE_CURRENT_LIST_DIR}/debian/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME hallboard)

include(CPack)
