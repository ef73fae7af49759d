{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"historyCacheSize":0,"responseHandling":[{"code":"204","swap":false},{"code":"...","swap":true}]}'>
<title>{{TITLE}} — لاکونا</title>
<link rel="preload" href="{{FONT_URL}}" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="{{CSS_URL}}">
<link rel="stylesheet" href="{{JDP_CSS_URL}}">
<script src="{{HTMX_URL}}" defer></script>
<script src="{{JDP_JS_URL}}" defer></script>
<script src="{{APP_JS_URL}}" defer></script>
</head>
<body>
<a class="skip" href="#main">پرش به محتوا</a>
<header class="top">
<a class="brand" href="/">لاکونا</a>
{{#SIGNED_IN}}
<nav aria-label="بخش‌های سامانه">
<ul>
<li><a href="/">میز کار</a></li>
<li><a href="/gaps">خلأها</a></li>
<li><a href="/gaps/board">تابلو</a></li>
<li><a href="/gaps/new">گزارش خلأ</a></li>
<li><a href="/meetings">جلسه‌ها</a></li>
<li><a href="/bills">مجلس</a></li>
<li><a href="/rulings">آرا</a></li>
<li><a href="/opinions">استعلام‌ها</a></li>
<li><a href="/search">جست‌وجو</a></li>
{{#ADMIN}}<li><a href="/admin/users">مدیریت</a></li>{{/ADMIN}}
</ul>
</nav>
<div class="who">
<span><bdi>{{USERNAME}}</bdi></span>
<span class="muted">{{ROLES}} {{CITY}}</span>
<a href="/calendar">تقویم من</a>
<a href="/mail">ایمیل من</a>
<a href="/account">حساب من</a>
<form method="post" action="/logout"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">خروج</button></form>
</div>
{{/SIGNED_IN}}
</header>
<main id="main" tabindex="-1">
{{>CONTENT}}
</main>
</body>
</html>
