#ifndef CLINUX_H
#define CLINUX_H
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <malloc.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <linux/filter.h>

// accept4 is declared only under _GNU_SOURCE, which a module header cannot rely on.
extern int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);

// Macros with casts that Swift does not import as constants.
static const unsigned int CLinux_EPOLLIN = EPOLLIN;
static const unsigned int CLinux_EPOLLOUT = EPOLLOUT;
static const unsigned int CLinux_EPOLLERR = EPOLLERR;
static const unsigned int CLinux_EPOLLHUP = EPOLLHUP;
static const unsigned int CLinux_EPOLLET = EPOLLET;
static const int CLinux_EFD_NONBLOCK = EFD_NONBLOCK;
static const int CLinux_EFD_CLOEXEC = EFD_CLOEXEC;
static const int CLinux_EPOLL_CLOEXEC = EPOLL_CLOEXEC;
static const int CLinux_SOCK_NONBLOCK = SOCK_NONBLOCK;
static const int CLinux_SOCK_CLOEXEC = SOCK_CLOEXEC;
static const int CLinux_SO_ATTACH_REUSEPORT_CBPF = 51;
static const unsigned int CLinux_SKF_NET_OFF = (unsigned int)SKF_NET_OFF;
#endif
