# jobkiosk — see README.md. `make run` and `make test` install what is
# missing first (platform/install-deps.sh), then build.

PREFIX   ?= /usr/local
CC       ?= cc
PKGS      = sdl2 SDL2_ttf libqrencode md4c md4c-html \
            yaml-0.1 libxml-2.0 libcjson inih icu-uc icu-i18n
# Opened when first needed (dlopen, jk_dl_load in src/core/dl.c), never
# linked: a start that shows local files does not load them. Their headers
# are still used; debian/control names their packages in Depends.
LAZY_PKGS = libcurl gmime-3.0 libmicrohttpd SDL2_image fontconfig
TEST_PKGS = cmocka zbar

# Library paths come from pkg-config only; evaluated lazily so `make deps`
# works before the packages exist.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) $(LAZY_PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS)) -lpthread -lm
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS))
# The tests read pictures back with SDL2_image themselves.
TEST_LIBS   = $(shell pkg-config --libs $(TEST_PKGS) SDL2_image)
# The test programs that call libcurl or libmicrohttpd themselves.
LAZY_LIBS   = $(shell pkg-config --libs libcurl libmicrohttpd)

WARN     = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wformat=2 -Wno-unused-parameter
BASE_CFLAGS = -std=c11 -D_GNU_SOURCE -Iinclude -I$(B)/gen $(WARN) -g -MMD -MP
OPT      ?= -O2
SAN       = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

B        = build
# Sources by folder, in the order of the flow (../shared/DESIGN.md): every
# .c file of a module folder is part of the library; main.c alone is not.
MODULES  = core config sources store import deck layout render kiosk report control platform app
MAIN_SRC = src/app/main.c
LIB_SRC  = $(filter-out $(MAIN_SRC),$(foreach m,$(MODULES),$(wildcard src/$(m)/*.c)))
LIB_OBJ  = $(LIB_SRC:%.c=$(B)/rel/%.o)
LIB_AOBJ = $(LIB_SRC:%.c=$(B)/asan/%.o)
TEST_SUPPORT = $(B)/asan/tests/testutil.o $(B)/asan/tests/httpd.o
TESTS    = $(patsubst tests/%.c,$(B)/asan/tests/%,$(wildcard tests/test_*.c))
BENCHES  = $(patsubst bench/%.c,$(B)/rel/bench/%,$(wildcard bench/bench_*.c))
FIXTURES ?= $(abspath ../shared/fixtures)

.PHONY: all deps run test bench clean format format-check lint compdb
all: $(B)/jobkiosk

deps:
	@sh platform/install-deps.sh

# The control page is compiled in: src/control/page.html as a C array
# (od is in coreutils; no xxd needed).
$(B)/gen/control_page.h: src/control/page.html
	@mkdir -p $(dir $@)
	@{ echo '/* generated from src/control/page.html */'; echo 'static const char page_html[] = {'; \
	   od -An -v -tx1 $< | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; echo '0};'; } > $@
PAGE_OBJ = $(foreach t,rel asan vg fuzz/obj,$(B)/$(t)/src/control/page.o)
$(PAGE_OBJ): $(B)/gen/control_page.h

# Release build -----------------------------------------------------------
# CPPFLAGS, CFLAGS and LDFLAGS from the environment come after the project's
# own (dpkg-buildflags' hardening for the Debian package, debian/rules).
$(B)/rel/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CPPFLAGS) $(BASE_CFLAGS) $(OPT) $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/libjk.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/jobkiosk: $(B)/rel/src/app/main.o $(B)/libjk.a
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# Sanitizer build for tests -------------------------------------------------
$(B)/asan/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC+SAN  $<"
	@$(CC) $(BASE_CFLAGS) -O1 $(SAN) $(PKG_CFLAGS) $(TEST_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/libjk-asan.a: $(LIB_AOBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/asan/jobkiosk: $(B)/asan/src/app/main.o $(B)/libjk-asan.a
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS)

$(B)/asan/tests/%: $(B)/asan/tests/%.o $(TEST_SUPPORT) $(B)/libjk-asan.a
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS) $(TEST_LIBS)

# The control page's browser test alone speaks WebDriver (tests/webdriver.c).
$(B)/asan/tests/test_page: $(B)/asan/tests/webdriver.o
# These programs call libcurl themselves (clients; test_apply compares
# url.c's plain URLs with libcurl's parser).
LAZY_TESTS = apply control page remote
$(LAZY_TESTS:%=$(B)/asan/tests/test_%): TEST_LIBS += $(LAZY_LIBS)

# Every test program runs even when one fails; the closing line counts them.
test: deps
	@$(MAKE) --no-print-directory $(TESTS) $(B)/asan/jobkiosk
	@pass=0; fail=0; \
	for t in $(TESTS); do \
		echo "== $$t"; \
		if JK_FIXTURES="$(FIXTURES)" JK_ROOT="$(CURDIR)" JK_BIN="$(CURDIR)/$(B)/asan/jobkiosk" \
		   SDL_VIDEODRIVER=offscreen ASAN_OPTIONS=detect_leaks=1 \
		   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $$t; \
		then pass=$$((pass+1)); else fail=$$((fail+1)); echo "FAILED: $$t"; fi; \
	done; \
	echo "programs: $$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

# Benchmarks print figures; they never fail on timings.
$(B)/rel/bench/%: $(B)/rel/bench/%.o $(B)/libjk.a
	$(CC) -o $@ $^ $(PKG_LIBS)
$(B)/rel/bench/bench_control: PKG_LIBS += $(LAZY_LIBS)

bench: deps
	@$(MAKE) --no-print-directory $(BENCHES)
	@for b in $(BENCHES); do JK_ROOT="$(CURDIR)" JK_FIXTURES="$(FIXTURES)" $$b || exit 1; done
	@$(BROWSER_BENCH_RUN)
	@$(MAKE) --no-print-directory board

# Browser kiosk comparison (issue 6, docs/performance.md) -------------------
# Runs last: it starts Xvfb, jobkiosk and Chromium (install-deps.sh --bench;
# without it jobkiosk's figures are still printed) and reads the screen
# back with libX11. Screenshots, logs and the HTML go to $(B)/bench-browser.
BROWSER_BENCH = $(B)/rel/bench/bench_browser
BROWSER_OBJ   = $(patsubst %.c,$(B)/rel/%.o,$(wildcard bench/browser/*.c))
BENCHES      := $(filter-out $(BROWSER_BENCH),$(BENCHES))
BROWSER_BENCH_RUN = sh platform/install-deps.sh --bench || \
	echo "bench_browser: could not install chromium; jobkiosk's figures only"; \
	$(MAKE) --no-print-directory $(BROWSER_BENCH) $(FLOOR_BENCH) $(B)/jobkiosk && \
	JK_ROOT="$(CURDIR)" JK_BIN="$(CURDIR)/$(B)/jobkiosk" BENCH_OUT="$(CURDIR)/$(B)/bench-browser" \
	FLOOR_BIN="$(CURDIR)/$(FLOOR_BENCH)" $(BROWSER_BENCH)

# The crossfade's row blend (src/render/blend.c) has its vector path in
# this build: SSE2 or NEON multiplies in the object. armhf without NEON
# (Debian's baseline) has the scalar loop only and fails here.
OBJDUMP ?= objdump
.PHONY: blend-check
blend-check: $(B)/rel/src/render/blend.o
	@$(OBJDUMP) -d $< | grep -qE 'pmullw|umull|vmull' && \
		echo "blend-check: vector multiplies in $<" || \
		{ echo "blend-check: no vector path in $< (the scalar loop only)"; exit 1; }

# The floor (issue 15): the bare SDL program jobkiosk's fade and first
# frame are compared with; SDL alone, none of the library.
FLOOR_BENCH = $(B)/rel/bench/floor
$(FLOOR_BENCH): $(B)/rel/bench/floor.o
	$(CC) -o $@ $^ $(shell pkg-config --libs sdl2)

$(BROWSER_BENCH): $(B)/rel/bench/bench_browser.o $(BROWSER_OBJ) $(B)/libjk.a
	$(CC) -o $@ $^ $(PKG_LIBS) $(shell pkg-config --libs x11)

run: deps
	@$(MAKE) --no-print-directory $(B)/jobkiosk
	@./platform/run-demo.sh $(B)/jobkiosk

# valgrind and soak (reliability, see docs/reliability.md) ------------------
# valgrind cannot run ASan binaries: a plain -O1 -g tree of the same sources.
VG_OBJ   = $(LIB_SRC:%.c=$(B)/vg/%.o)
VG_FILES = samples $(wildcard samples/*) $(wildcard $(FIXTURES)/seeds/*)
VALGRIND = valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=1 \
           --suppressions=platform/valgrind.supp --num-callers=30

$(B)/vg/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC+VG   $<"
	@$(CC) $(BASE_CFLAGS) -O1 $(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/libjk-vg.a: $(VG_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/vg/jobkiosk: $(B)/vg/src/app/main.o $(B)/libjk-vg.a
	$(CC) -o $@ $^ $(PKG_LIBS)

# One line per run: errors and bytes definitely lost; fails when any run has
# either. The log of a failing run is kept in $(B)/vg/logs/.
.PHONY: valgrind soak
valgrind: deps
	@$(MAKE) --no-print-directory $(B)/vg/jobkiosk
	@mkdir -p $(B)/vg/logs; bad=0; n=0; \
	for f in $(VG_FILES); do for act in dump render; do \
		n=$$((n+1)); log=$(B)/vg/logs/$$n.log; rm -rf $(B)/vg/png; \
		if [ $$act = dump ]; then set -- --dump; else set -- --render $(B)/vg/png --size 960x540; fi; \
		SDL_VIDEODRIVER=offscreen $(VALGRIND) --log-file=$$log $(B)/vg/jobkiosk "$$@" "$$f" \
			>/dev/null 2>$(B)/vg/logs/$$n.err; rc=$$?; \
		errs=$$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' $$log | tr -d , | tail -1); \
		lost=$$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' $$log | tr -d , | head -1); \
		printf '%-7s %-52s %s errors, %s bytes definitely lost\n' $$act "$$f" "$${errs:-?}" "$${lost:-0}"; \
		if [ $$rc -ne 0 ] && [ "$${errs:-0}" -eq 0 ]; then echo "        exit status $$rc: see $(B)/vg/logs/$$n.err"; fi; \
		if [ $$rc -ne 0 ] || [ "$${errs:-1}" -ne 0 ]; then bad=$$((bad+1)); else rm -f $$log $(B)/vg/logs/$$n.err; fi; \
	done; done; rm -rf $(B)/vg/png; \
	echo "valgrind: $$n runs, $$bad with errors or leaks"; [ $$bad -eq 0 ]

# The real loop for SOAK_CHANGES slide changes (default 100000) at 480x270
# with periodic reloads; prints RSS and open descriptors, never fails on them.
# (Built by the bench rule above; not in BENCHES, so `make bench` stays short.)

soak: deps
	@$(MAKE) --no-print-directory $(B)/rel/bench/soak
	@JK_ROOT="$(CURDIR)" SDL_VIDEODRIVER=offscreen $(B)/rel/bench/soak

FORMAT_FILES = $(wildcard src/*/*.c src/*/*.h include/*.h tests/*.c tests/*.h bench/*.c bench/*/*.c fuzz/*.c)

format:
	clang-format -i $(FORMAT_FILES)

format-check: deps
	@clang-format --dry-run -Werror $(FORMAT_FILES) && \
		echo "format-check: $(words $(FORMAT_FILES)) files formatted as .clang-format says"

# cppcheck over the library and main; platform/cppcheck.supp lists, with a
# reason each, the findings that are not defects.
LINT_FLAGS = --enable=warning,performance,portability --error-exitcode=1 --std=c11 -q \
             --inline-suppr --suppressions-list=platform/cppcheck.supp -D_GNU_SOURCE -Iinclude
lint: deps
	@cppcheck $(LINT_FLAGS) src && echo "lint: cppcheck found nothing in src/"

# compile_commands.json for clangd and other tools: every library, main and
# test source as the sanitizer build compiles it (a throw-away build tree).
compdb: deps
	bear --output compile_commands.json -- $(MAKE) --no-print-directory -B B=$(B)/compdb \
		$(B)/compdb/asan/jobkiosk $(TESTS:$(B)/%=$(B)/compdb/%) $(BENCHES:$(B)/%=$(B)/compdb/%) >/dev/null
	@echo "compdb: $$(grep -c '"file"' compile_commands.json) entries in compile_commands.json"

# Fuzzing (issue 6) ----------------------------------------------------------
# `make fuzz SECONDS=N`: every harness in fuzz/ (one per reader, config,
# apply targets, the front door) built with clang's libFuzzer against the
# library compiled the same way, then run N seconds each by fuzz/run.sh.
# Fails when any harness crashes, leaks or hangs; inputs in $(B)/fuzz/crashes/.
FUZZ_CC    = clang
FUZZ_FLAGS = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
             -fno-sanitize-recover=undefined
FUZZ_NAMES = $(filter-out fuzz,$(basename $(notdir $(wildcard fuzz/*.c))))
FUZZ_BINS  = $(FUZZ_NAMES:%=$(B)/fuzz/%)
FUZZ_OBJ   = $(LIB_SRC:%.c=$(B)/fuzz/obj/%.o)
SECONDS   ?= 60

$(B)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC+FUZZ $<"
	@$(FUZZ_CC) $(BASE_CFLAGS) -Isrc/import $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
		$(PKG_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/fuzz/libjk-fuzz.a: $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_BINS): $(B)/fuzz/%: $(B)/fuzz/obj/fuzz/%.o $(B)/fuzz/obj/fuzz/fuzz.o $(B)/fuzz/libjk-fuzz.a
	$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

.PHONY: fuzz
fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZ_BINS)
	@sh fuzz/run.sh "$(B)/fuzz" "$(SECONDS)" "$(FIXTURES)" $(FUZZ_NAMES)

# Cross builds (issue 15) ----------------------------------------------------
# `make cross ARCH=arm64|armhf`: library, binary and test programs built
# with Debian's cross compiler against the :ARCH libraries (install-deps.sh
# --cross ARCH) into $(B)/ARCH/, no sanitizers. `make test-cross` runs the
# test programs under qemu-user, then platform/cross-compare.sh compares
# --dump and --render of samples/ and the seeds with the x86 binary.
# zbar: only the runtime libzbar0:ARCH can sit beside the native -dev
# package, so the test support takes the (architecture-free) native zbar.h
# and links the library by its file name.
ARCH     ?= arm64
X_TRIPLET = $(if $(filter armhf,$(ARCH)),arm-linux-gnueabihf,aarch64-linux-gnu)
X_QEMU    = qemu-$(if $(filter armhf,$(ARCH)),arm,aarch64)-static
X_PC      = PKG_CONFIG_LIBDIR=/usr/lib/$(X_TRIPLET)/pkgconfig:/usr/share/pkgconfig pkg-config
XB        = $(B)/$(ARCH)
X_PKG_CFLAGS = $(shell $(X_PC) --cflags $(PKGS) $(LAZY_PKGS))
X_PKG_LIBS   = $(shell $(X_PC) --libs $(PKGS)) -lpthread -lm
X_TEST_LIBS  = $(shell $(X_PC) --libs cmocka SDL2_image) -l:libzbar.so.0
X_LAZY_LIBS  = $(shell $(X_PC) --libs libcurl libmicrohttpd)
X_TESTS   = $(patsubst tests/%.c,$(XB)/tests/%,$(wildcard tests/test_*.c))
X_OBJ     = $(LIB_SRC:%.c=$(XB)/obj/%.o)

$(XB)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC/$(ARCH) $<"
	@$(X_TRIPLET)-gcc $(BASE_CFLAGS) $(OPT) $(X_PKG_CFLAGS) $(shell $(X_PC) --cflags cmocka) \
		$(CFLAGS) -c $< -o $@
$(XB)/obj/src/control/page.o: $(B)/gen/control_page.h

$(XB)/libjk.a: $(X_OBJ)
	@rm -f $@
	$(X_TRIPLET)-ar rcs $@ $^

$(XB)/jobkiosk: $(XB)/obj/src/app/main.o $(XB)/libjk.a
	$(X_TRIPLET)-gcc -o $@ $^ $(X_PKG_LIBS)

$(XB)/tests/%: $(XB)/obj/tests/%.o $(XB)/obj/tests/testutil.o $(XB)/obj/tests/httpd.o $(XB)/libjk.a
	@mkdir -p $(dir $@)
	$(X_TRIPLET)-gcc -o $@ $^ $(X_PKG_LIBS) $(X_TEST_LIBS)
$(XB)/tests/test_page: $(XB)/obj/tests/webdriver.o
$(LAZY_TESTS:%=$(XB)/tests/test_%): X_TEST_LIBS += $(X_LAZY_LIBS)
# Kept: make would delete these intermediates and rebuild them every time.
.SECONDARY: $(patsubst %.c,$(XB)/obj/%.o,$(wildcard tests/*.c))

# What the test programs run as JK_BIN: the ARM binary under qemu (no
# binfmt_misc needed; the multiarch loader and libraries are in /usr/lib).
$(XB)/jobkiosk-qemu: $(XB)/jobkiosk
	@printf '#!/bin/sh\nexec %s %s "$$@"\n' $(X_QEMU) "$(abspath $<)" > $@ && chmod +x $@

# CROSS_TESTS names the programs built and run (without test_, e.g.
# "import deck"; default all); "pure" is the modules without SDL, network
# or child processes plus the 2038 tests (core, common, report), which CI
# runs (.ci/run). Every one runs even when one fails. CROSS_COMPARE names
# the inputs compared (default: samples/, each sample, the seeds).
CROSS_TESTS ?= all
CROSS_PURE   = core common import layout deck schedule config store report
X_RUN = $(if $(filter all,$(CROSS_TESTS)),$(X_TESTS:$(XB)/tests/test_%=%),$(if \
        $(filter pure,$(CROSS_TESTS)),$(CROSS_PURE),$(CROSS_TESTS)))

.PHONY: cross test-cross
cross:
	@sh platform/install-deps.sh --cross $(ARCH)
	@$(MAKE) --no-print-directory $(XB)/jobkiosk $(X_RUN:%=$(XB)/tests/test_%)

test-cross: cross
	@$(MAKE) --no-print-directory $(B)/jobkiosk $(XB)/jobkiosk-qemu
	@pass=0; fail=0; failed=""; \
	for n in $(X_RUN); do t=$(XB)/tests/test_$$n; s=$$(date +%s); \
		echo "== $(ARCH) $$t"; \
		if JK_FIXTURES="$(FIXTURES)" JK_ROOT="$(CURDIR)" JK_BIN="$(CURDIR)/$(XB)/jobkiosk-qemu" \
		   SDL_VIDEODRIVER=offscreen $(X_QEMU) $$t; \
		then pass=$$((pass+1)); else fail=$$((fail+1)); failed="$$failed $$n"; fi; \
		echo "== $(ARCH) test_$$n: $$(( $$(date +%s) - s )) s"; \
	done; \
	echo "$(ARCH) programs under qemu: $$pass passed, $$fail failed$${failed:+:$$failed}"; \
	sh platform/cross-compare.sh "$(B)/jobkiosk" "$(XB)/jobkiosk-qemu" "$(XB)/compare" "$(FIXTURES)" \
		$(CROSS_COMPARE) && [ $$fail -eq 0 ]

# install / uninstall -----------------------------------------------------
# `make && sudo make install PREFIX=/usr` on a board; DESTDIR stages for a
# package. Installs the release build (INSTALL_BIN names another binary
# already built). jobkiosk.conf is written from the example only when
# absent, with the installed samples as its source so the service shows
# the demo until it is configured; uninstall removes it only while it is
# still unedited.
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DATADIR    ?= $(PREFIX)/share
SYSCONFDIR ?= $(if $(filter /usr /usr/local,$(PREFIX)),/etc,$(PREFIX)/etc)
UNITDIR    ?= $(PREFIX)/lib/systemd/system
DOCDIR     ?= $(DATADIR)/doc/jobkiosk
INSTALL_BIN ?= $(B)/jobkiosk
I_ETC      = $(DESTDIR)$(SYSCONFDIR)/jobkiosk
I_SHARE    = $(DESTDIR)$(DATADIR)/jobkiosk
I_SAMPLES  = $(notdir $(wildcard samples/*))
CONF_DEFAULT = { cat jobkiosk.conf.example; printf '\n\# Installed default: the demo postings until you set your own source.\nsource = %s\n' '$(DATADIR)/jobkiosk/samples'; }

.PHONY: install uninstall
install: $(INSTALL_BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(UNITDIR) $(I_ETC) \
		$(DESTDIR)$(DOCDIR) $(I_SHARE)/samples $(I_SHARE)/fonts
	install -m 0755 $(INSTALL_BIN) $(DESTDIR)$(BINDIR)/jobkiosk
	install -m 0644 jobkiosk.1 $(DESTDIR)$(MANDIR)/man1/jobkiosk.1
	sed -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' platform/jobkiosk.service \
		> $(DESTDIR)$(UNITDIR)/jobkiosk.service && chmod 0644 $(DESTDIR)$(UNITDIR)/jobkiosk.service
	install -m 0644 jobkiosk.conf.example $(I_ETC)/jobkiosk.conf.example
	install -m 0644 jobkiosk.conf.example $(DESTDIR)$(DOCDIR)/jobkiosk.conf.example
	[ -e $(I_ETC)/jobkiosk.conf ] || { $(CONF_DEFAULT) > $(I_ETC)/jobkiosk.conf && chmod 0644 $(I_ETC)/jobkiosk.conf; }
	install -m 0644 $(addprefix samples/,$(I_SAMPLES)) $(I_SHARE)/samples/
	install -m 0644 fonts/README.md $(I_SHARE)/fonts/README.md

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/jobkiosk $(DESTDIR)$(MANDIR)/man1/jobkiosk.1 \
		$(DESTDIR)$(UNITDIR)/jobkiosk.service $(I_ETC)/jobkiosk.conf.example \
		$(DESTDIR)$(DOCDIR)/jobkiosk.conf.example $(I_SHARE)/fonts/README.md \
		$(addprefix $(I_SHARE)/samples/,$(I_SAMPLES))
	@if $(CONF_DEFAULT) | cmp -s - $(I_ETC)/jobkiosk.conf; then rm -f $(I_ETC)/jobkiosk.conf; \
	elif [ -e $(I_ETC)/jobkiosk.conf ]; then echo "uninstall: kept $(I_ETC)/jobkiosk.conf (edited)"; fi
	@for d in $(I_SHARE)/samples $(I_SHARE)/fonts $(I_SHARE) $(DESTDIR)$(DOCDIR) $(I_ETC); do \
		rmdir "$$d" 2>/dev/null || true; done

# Debian package (issue 15) -------------------------------------------------
# `make deb`: $(B)/jobkiosk_VERSION_ARCH.deb, by dpkg-buildpackage from
# debian/ in a copy of the source in $(B)/deb/ (dpkg-buildpackage writes
# beside the source folder, and the copy starts without this tree's
# objects), then lintian, which fails it on errors. VERSION is
# JOBKIOSK_VERSION in include/jk.h; debian/changelog must name the same.
# `make test-deb` installs the package into a clean Debian 12 root,
# runs it there and removes it again (tests/deb.sh, as root: sudo when
# not root).
VERSION  := $(shell sed -n 's/.*define JOBKIOSK_VERSION "\(.*\)"/\1/p' include/jk.h)
DEB_ARCH  = $(shell dpkg --print-architecture)
DEB       = $(B)/jobkiosk_$(VERSION)_$(DEB_ARCH).deb

.PHONY: deb test-deb
deb:
	@sh platform/install-deps.sh --deb
	@v=$$(dpkg-parsechangelog -S Version); [ "$$v" = "$(VERSION)" ] || \
		{ echo "deb: debian/changelog is at $$v, include/jk.h at $(VERSION): add a changelog entry"; exit 1; }
	@rm -rf $(B)/deb && mkdir -p $(B)/deb/src
	@tar --exclude=./build --exclude=./.git -cf - . | tar -C $(B)/deb/src -xf -
	cd $(B)/deb/src && dpkg-buildpackage -us -uc -b -j2
	@cp $(B)/deb/jobkiosk_$(VERSION)_$(DEB_ARCH).deb $(DEB)
	lintian --fail-on error $(DEB)
	@echo "deb: $(DEB)"

test-deb: deb
	@sh platform/install-deps.sh --deb
	$$([ "$$(id -u)" -eq 0 ] || echo sudo) sh tests/deb.sh $(DEB)

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' 2>/dev/null)

# A Pi-class CPU budget (issue 15, docs/performance.md): the release binary
# on Xvfb inside a cgroup quota of 25 % of one core. Needs root for the
# cgroup; prints figures, never fails on them.
.PHONY: board
BOARD_WAIT = $(B)/rel/bench/board_wait
$(BOARD_WAIT): $(B)/rel/bench/board_wait.o
	$(CC) -o $@ $^ $(shell pkg-config --libs x11)

board: deps
	@$(MAKE) --no-print-directory $(B)/jobkiosk $(BOARD_WAIT)
	@JK_BIN="$(B)/jobkiosk" BOARD_WAIT="$(BOARD_WAIT)" BOARD_OUT="$(B)/board" sh bench/board.sh
