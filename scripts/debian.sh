# Sourced by run.sh and test.sh: what both need from Debian's packages, and how they install it.

# The brief's PDF prints staff's words in these fonts (reports/pdf_document.py); the browser tests use them too.
missing_fonts() {
    [ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || echo fonts-liberation
    [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || echo fonts-dejavu-core
}

# apt_install PACKAGE...: install with apt-get, through sudo when not root; nothing to do without packages.
apt_install() {
    [ $# -gt 0 ] || return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi
    $sudo apt-get update
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}
