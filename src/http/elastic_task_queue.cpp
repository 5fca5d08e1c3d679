#include "http/elastic_task_queue.hpp"

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <list>
#include <mutex>
#include <thread>

namespace storybank::http {
namespace {

class ElasticTaskQueue final : public httplib::TaskQueue {
public:
    explicit ElasticTaskQueue(std::size_t max_threads) : m_max_threads(max_threads < 1 ? 1 : max_threads) {}
    ~ElasticTaskQueue() override { shutdown(); }
    ElasticTaskQueue(const ElasticTaskQueue&) = delete;
    ElasticTaskQueue& operator=(const ElasticTaskQueue&) = delete;

    void enqueue(std::function<void()> job) override {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
        // A new thread only when every started one is busy: jobs are connections, each may hold its thread long.
        if (m_jobs.size() > m_idle && m_threads.size() < m_max_threads) {
            m_threads.emplace_back([this] { work(); });
        }
        m_ready.notify_one();
    }

    void shutdown() override {
        {
            std::lock_guard lock(m_mutex);
            m_shutting_down = true;
        }
        m_ready.notify_all();
        for (auto& thread : m_threads) {
            if (thread.joinable()) {
                thread.join();
            }
        }
    }

private:
    void work() {
        std::unique_lock lock(m_mutex);
        for (;;) {
            ++m_idle;
            m_ready.wait(lock, [this] { return m_shutting_down || !m_jobs.empty(); });
            --m_idle;
            if (m_jobs.empty()) {
                return;  // shutting down, nothing left to serve
            }
            std::function<void()> job = std::move(m_jobs.front());
            m_jobs.pop_front();
            lock.unlock();
            job();
            lock.lock();
        }
    }

private:  // data
    const std::size_t m_max_threads;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_jobs;
    std::list<std::thread> m_threads;  ///< a list: starting a thread never moves the others
    std::size_t m_idle = 0;
    bool m_shutting_down = false;
};

}  // namespace

httplib::TaskQueue* make_elastic_task_queue(std::size_t max_threads) {
    return new ElasticTaskQueue(max_threads);
}

}  // namespace storybank::http
