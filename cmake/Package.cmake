# `cpack -G DEB` in a build folder: caas-advisor_VERSION_ARCH.deb, installing under /usr what cmake/Install.cmake
# lists. The runtime dependencies are computed by dpkg-shlibdeps from the binary's shared libraries (none for a
# CAAS_STATIC build), and the version is the project's.
set(CPACK_PACKAGE_NAME caas-advisor)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "advice on where a workload should run on AWS: EC2, Fargate or Lambda")
set(CPACK_PACKAGE_DESCRIPTION
    "caas-advisor reads a small YAML description of a workload (triggers, duration, size, traffic, latency, team
capacity, cost priority) and ranks EC2, Fargate and Lambda, with the reasons for and against each target, the hard
AWS limits that rule a target out, and the monthly cost. It reads serverless.yml, SAM, CloudFormation, compose,
Kubernetes and ECS files too, and writes text, JSON, markdown, SARIF, JUnit and GitHub annotations for CI.")
set(CAAS_PACKAGE_CONTACT "caas-advisor maintainers" CACHE STRING "The Debian package's Maintainer field")
set(CPACK_PACKAGE_CONTACT ${CAAS_PACKAGE_CONTACT})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_GENERATOR DEB)
include(CPack)
