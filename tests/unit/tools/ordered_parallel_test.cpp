// orderedParallelFor: every item produced once, consumed once and in order, whatever the
// scheduling; producers stay within the window ahead of the consumer; errors surface in order.
#include "tools/iotlint/ordered_parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace iotlint::tools {
namespace {

TEST(OrderedParallelFor, ConsumesEveryItemOnceInOrder) {
  for (unsigned jobs : {1U, 2U, 3U, 8U}) {
    for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{500}}) {
      std::mt19937 random(static_cast<unsigned>(count * 31 + jobs));
      std::vector<int> delays(count);
      for (int& delay : delays) delay = static_cast<int>(random() % 50);
      std::vector<std::atomic<int>> produced(count);
      std::vector<std::size_t> consumed;
      std::set<std::thread::id> producers;
      std::mutex producers_mutex;
      orderedParallelFor(
          count, jobs,
          [&](std::size_t i) {
            std::this_thread::sleep_for(std::chrono::microseconds(delays[i]));  // scramble completion order
            produced[i].fetch_add(1);
            const std::lock_guard lock(producers_mutex);
            producers.insert(std::this_thread::get_id());
            return std::to_string(i);
          },
          [&](std::size_t i, std::string result) {
            EXPECT_EQ(result, std::to_string(i));
            consumed.push_back(i);
          });
      ASSERT_EQ(consumed.size(), count) << jobs << " jobs";
      for (std::size_t i = 0; i < count; ++i) {
        EXPECT_EQ(consumed[i], i);
        EXPECT_EQ(produced[i].load(), 1) << "item " << i;
      }
      EXPECT_LE(producers.size(), std::max<std::size_t>(jobs, 1)) << "threads in all, the caller among them";
    }
  }
}

TEST(OrderedParallelFor, ProducersStayWithinTheWindow) {
  constexpr unsigned kJobs = 2;
  constexpr std::size_t kWindow = 4 * kJobs;
  std::atomic<std::size_t> consumed{0};
  std::atomic<std::size_t> furthest_ahead{0};
  orderedParallelFor(
      200, kJobs,
      [&](std::size_t i) {
        const std::size_t ahead = i - std::min(i, consumed.load());
        std::size_t seen = furthest_ahead.load();
        while (ahead > seen && !furthest_ahead.compare_exchange_weak(seen, ahead)) {
        }
        return i;
      },
      [&](std::size_t, std::size_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(200));  // a slow report writer
        consumed.fetch_add(1);
      });
  // A result is taken from its slot before it is consumed, so producers may be one item further
  // ahead of the results whose consumption finished: window slots plus the one being written.
  EXPECT_LE(furthest_ahead.load(), kWindow);
  EXPECT_GT(furthest_ahead.load(), 0U);
}

TEST(OrderedParallelFor, AnErrorSurfacesWhenItsItemsTurnComes) {
  for (unsigned jobs : {1U, 2U, 4U}) {
    std::vector<std::size_t> consumed;
    try {
      orderedParallelFor(
          50, jobs,
          [&](std::size_t i) {
            if (i == 17) throw std::runtime_error("item 17");
            return i;
          },
          [&](std::size_t i, std::size_t) { consumed.push_back(i); });
      FAIL() << "no exception";
    } catch (const std::runtime_error& error) {
      EXPECT_EQ(std::string(error.what()), "item 17");
    }
    ASSERT_EQ(consumed.size(), 17U) << jobs << " jobs";
    for (std::size_t i = 0; i < consumed.size(); ++i) EXPECT_EQ(consumed[i], i);
  }
}

TEST(OrderedParallelForInChunks, ConsumesEveryItemOnceInOrder) {
  for (unsigned jobs : {1U, 2U, 3U}) {
    for (std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{4}, std::size_t{16}}) {
      for (std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{15}, std::size_t{16}, std::size_t{17}, std::size_t{333}}) {
        std::vector<std::atomic<int>> produced(count);
        std::vector<std::size_t> consumed;
        orderedParallelForInChunks(
            count, jobs, chunk,
            [&](std::size_t i) {
              produced[i].fetch_add(1);
              return i * 3;
            },
            [&](std::size_t i, std::size_t result) {
              EXPECT_EQ(result, i * 3);
              consumed.push_back(i);
            });
        ASSERT_EQ(consumed.size(), count) << jobs << " jobs, chunks of " << chunk;
        for (std::size_t i = 0; i < count; ++i) {
          EXPECT_EQ(consumed[i], i);
          EXPECT_EQ(produced[i].load(), 1);
        }
      }
    }
  }
}

TEST(OrderedParallelForInChunks, AnErrorSurfacesAtItsChunksTurn) {
  std::vector<std::size_t> consumed;
  EXPECT_THROW(orderedParallelForInChunks(
                   100, 2, 8,
                   [](std::size_t i) {
                     if (i == 42) throw std::runtime_error("item 42");
                     return i;
                   },
                   [&](std::size_t i, std::size_t) { consumed.push_back(i); }),
               std::runtime_error);
  // Items 0-39 (the chunks before item 42's) were consumed; nothing of its chunk or after it.
  ASSERT_EQ(consumed.size(), 40U);
  EXPECT_EQ(consumed.back(), 39U);
}

}  // namespace
}  // namespace iotlint::tools
