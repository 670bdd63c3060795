#!/bin/sh
# make run: shows the demo slideshow of samples/. Until the display lands,
# it prints what the kiosk understood of the samples.
set -eu
bin=$1
"$bin" --dump samples/
