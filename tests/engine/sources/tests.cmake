# SPDX-License-Identifier: GPL-3.0-or-later
taglens_add_qtest(tst_htmltext
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_htmltext.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_mastodonstatusparser
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mastodonstatusparser.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_mastodontagtimeline
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mastodontagtimeline.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_localfoldersource
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_localfoldersource.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_postsourcefactory
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_postsourcefactory.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_urllistsource
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_urllistsource.cpp
  LIBRARIES taglens_engine taglens_testsupport)
# Instagram: the Graph API parser, the hashtag budget, the source against the Graph API stand-in.
taglens_add_qtest(tst_instagrammediaparser
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_instagrammediaparser.cpp
  LIBRARIES taglens_engine)
taglens_add_qtest(tst_hashtagledger
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_hashtagledger.cpp
  LIBRARIES taglens_engine)
taglens_add_qtest(tst_instagramhashtagsource
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_instagramhashtagsource.cpp
  LIBRARIES taglens_engine taglens_testsupport)
taglens_add_qtest(tst_sourcespec
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sourcespec.cpp
  LIBRARIES taglens_engine)
