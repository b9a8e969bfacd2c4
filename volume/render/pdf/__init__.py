"""The PDF outputs: the book laid out in pieces by worker processes, joined, the digital and print editions, and the
print edition's full-wrap cover. editions.py runs it; weasy.py is the only module that touches WeasyPrint's private
API."""
