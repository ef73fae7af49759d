{{%AUTOESCAPE context="HTML"}}<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
<h2>مشکلی هست</h2>
<p>{{MESSAGE}}</p>
<ul>
{{#ERROR}}<li><a href="#f-{{ANCHOR}}"><bdi>{{FIELD}}</bdi>: {{DETAIL}}</a></li>{{/ERROR}}
</ul>
</div>
