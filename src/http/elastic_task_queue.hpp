#pragma once

#include <cstddef>

namespace httplib {
class TaskQueue;
}

namespace storybank::http {

/// A worker pool for cpp-httplib that starts threads as connections need them, up to `max_threads`.
///
/// cpp-httplib gives each connection a thread for its whole life, and its own ThreadPool starts a fixed number up
/// front: with fewer threads than open connections, the extra connections (64 keep-alive clients; clients that
/// trickle their request one byte a second, which the per-read timeout never cuts off) wait in the queue and
/// normal requests starve. Starting threads on demand lets `max_threads` be large without paying for it when idle.
/// Threads are kept once started (an idle one costs a few pages of stack). Beyond `max_threads`, connections wait
/// in the queue as before: a reverse proxy in front is the defence against thousands of slow clients.
httplib::TaskQueue* make_elastic_task_queue(std::size_t max_threads);

}  // namespace storybank::http
